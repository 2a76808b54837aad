package org.yixian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same closed-loop scenarios driven by {@code wrk} (Debian package {@code wrk}) when
 * it is installed: a C client whose own cost per request is a fraction of the JDK's
 * {@code HttpClient}, so on a machine where the client shares the application's cores the
 * figures show the server rather than the client. Each connection sends its next request
 * when the last one answered; requests rotate through the given paths and bodies, and a
 * {@code #N#} in a body becomes a number unique to the request.
 */
final class WrkLoad {

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern COUNT = Pattern.compile("([0-9]+) requests in");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");

	private static final Pattern SOCKET = Pattern
		.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

	private static final Pattern LATENCY = Pattern.compile("Latency\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");

	private final String base;

	WrkLoad(String base) {
		if (!base.startsWith("http://127.0.0.1")) {
			throw new IllegalArgumentException("load tests only run against 127.0.0.1: " + base);
		}
		this.base = base;
	}

	/**
	 * Whether {@code wrk} can be started.
	 */
	static boolean available() {
		try {
			Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			probe.getInputStream().readAllBytes();
			probe.waitFor(10, TimeUnit.SECONDS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	HttpLoad.Result run(String name, int clients, Duration duration, String method, List<String> paths,
			Map<String, String> headers, List<String> bodies) throws Exception {
		StringBuilder lua = new StringBuilder("local paths = {");
		for (String path : paths) {
			lua.append(longString(path)).append(",");
		}
		lua.append("}\nlocal bodies = {");
		if (bodies != null) {
			for (String body : bodies) {
				lua.append(longString(body)).append(",");
			}
		}
		lua.append("}\nlocal run = ").append(longString(Long.toString(System.currentTimeMillis(), 36)));
		lua.append("\nwrk.method = ").append(longString(method)).append("\n");
		headers.forEach((key, value) -> lua.append("wrk.headers[ ")
			.append(longString(key))
			.append(" ] = ")
			.append(longString(value))
			.append("\n"));
		lua.append(
				"""
						local threads = 0
						function setup(thread)
						  threads = threads + 1
						  thread:set("tid", threads)
						end
						local n = 0
						function request()
						  n = n + 1
						  local path = paths[(n % #paths) + 1]
						  if #bodies == 0 then
						    return wrk.format(nil, path)
						  end
						  local body = string.gsub(bodies[(n % #bodies) + 1], "#N#", run .. "-" .. tostring(tid) .. "-" .. tostring(n))
						  return wrk.format(nil, path, nil, body)
						end
						function done(summary, latency, requests)
						  io.write("bench-script-ok\\n")
						end
						""");
		Path script = Files.createTempFile("bench-", ".lua");
		try {
			Files.writeString(script, lua, StandardCharsets.UTF_8);
			if (System.getenv("BENCH_KEEP_LUA") != null) {
				Files.copy(script, Path.of(System.getenv("BENCH_KEEP_LUA")),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			int threads = Math.min(clients, Math.max(1, Runtime.getRuntime().availableProcessors()));
			Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + clients, "-d" + duration.toSeconds() + "s",
					"--latency", "--timeout", "10s", "-s", script.toString(), this.base)
				.redirectErrorStream(true)
				.start();
			String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			wrk.waitFor();
			return parse(name, clients, out);
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	static HttpLoad.Result parse(String name, int clients, String out) {
		if (!Pattern.compile("^bench-script-ok$", Pattern.MULTILINE).matcher(out).find()) {
			// a script that does not load makes wrk send GET / instead: never report that
			throw new IllegalStateException("wrk did not run the bench's script for " + name + ":\n" + out);
		}
		Matcher rate = RATE.matcher(out);
		Matcher count = COUNT.matcher(out);
		if (!rate.find() || !count.find()) {
			throw new IllegalStateException("wrk gave no figures for " + name + ":\n" + out);
		}
		long errors = 0;
		Matcher non2xx = NON_2XX.matcher(out);
		if (non2xx.find()) {
			errors += Long.parseLong(non2xx.group(1));
		}
		Matcher socket = SOCKET.matcher(out);
		if (socket.find()) {
			for (int g = 1; g <= 4; g++) {
				errors += Long.parseLong(socket.group(g));
			}
		}
		Matcher latency = LATENCY.matcher(out);
		double max = latency.find() ? millis(latency.group(3)) : 0;
		return new HttpLoad.Result(name + " (wrk)", clients, Long.parseLong(count.group(1)), errors,
				Double.parseDouble(rate.group(1)), percentile(out, "50%"), percentile(out, "99%"), max);
	}

	private static double percentile(String out, String label) {
		Matcher m = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+(\\S+)\\s*$", Pattern.MULTILINE).matcher(out);
		return m.find() ? millis(m.group(1)) : 0;
	}

	static double millis(String value) {
		Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(value);
		if (!m.matches()) {
			return 0;
		}
		double v = Double.parseDouble(m.group(1));
		return switch (m.group(2)) {
			case "us" -> v / 1000;
			case "ms" -> v;
			case "s" -> v * 1000;
			default -> v * 60_000;
		};
	}

	private static String longString(String s) {
		String level = "=";
		while (s.contains("]" + level + "]") || s.endsWith("]" + level)) {
			level += "=";
		}
		// Lua drops a newline right after the opening bracket: give it one to drop
		return "[" + level + "[\n" + s + "]" + level + "]";
	}

}
