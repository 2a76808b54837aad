package org.yixian.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A flag's evidence as lines a page shows: each key with its value as text, and lists of
 * entries (returns, back-dated entries, the reply) one item per line.
 */
record Evidence(Flags.Flag flag, List<Line> lines) {

	static Evidence of(Flags.Flag flag) {
		List<Line> lines = new ArrayList<>();
		flag.evidence().forEach((key, value) -> lines.add(line(key, value)));
		return new Evidence(flag, lines);
	}

	private static Line line(String key, Object value) {
		if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
			return new Line(key, null, list.stream().map(Evidence::item).toList());
		}
		if (value instanceof Map<?, ?> map) {
			return new Line(key, null, List.of(item(map)));
		}
		if (value instanceof List<?> list) {
			return new Line(key,
					list.isEmpty() ? "—" : list.stream().map(String::valueOf).collect(Collectors.joining("、")),
					List.of());
		}
		return new Line(key, String.valueOf(value), List.of());
	}

	private static String item(Object entry) {
		if (!(entry instanceof Map<?, ?> map)) {
			return String.valueOf(entry);
		}
		return map.entrySet()
			.stream()
			.filter((e) -> e.getValue() != null)
			.map((e) -> "sequence".equals(e.getKey()) ? "#" + e.getValue() : e.getKey() + " " + e.getValue())
			.collect(Collectors.joining(" · "));
	}

	/**
	 * One piece of evidence: a text, or items.
	 */
	record Line(String key, String text, List<String> items) {
	}

}
