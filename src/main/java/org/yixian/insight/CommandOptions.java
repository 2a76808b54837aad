package org.yixian.insight;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name value} options of a command line; a name may repeat.
 */
final class CommandOptions {

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	CommandOptions(String[] args, int from) {
		for (int i = from; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --name, got " + args[i]);
			}
			String name = args[i].substring(2);
			String value = "true";
			int eq = name.indexOf('=');
			if (eq > 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				value = args[++i];
			}
			this.values.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
	}

	boolean has(String name) {
		return this.values.containsKey(name);
	}

	String value(String name, String fallback) {
		List<String> list = this.values.get(name);
		return (list == null) ? fallback : list.get(list.size() - 1);
	}

	String require(String name) {
		String value = value(name, null);
		if (value == null) {
			throw new IllegalArgumentException("missing --" + name);
		}
		return value;
	}

	List<String> all(String name) {
		return this.values.getOrDefault(name, List.of());
	}

	Path path(String name) {
		Path path = Path.of(require(name));
		if (!Files.isReadable(path)) {
			throw new IllegalArgumentException("cannot read --" + name + " " + path);
		}
		return path;
	}

}
