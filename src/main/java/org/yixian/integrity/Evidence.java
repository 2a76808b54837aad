package org.yixian.integrity;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.yixian.shared.TimeDisplay;

/**
 * A flag's evidence as lines a page shows: each key with its value as text, and lists of
 * timeline entries (returns, back-dated entries, the reply) one item per line, in a fixed
 * order (sequence, action, actor, unit, time, then the rest with their labels), times in
 * the configured zone.
 */
record Evidence(Flags.Flag flag, List<Line> lines) {

	private static final List<String> LEADING = List.of("sequence", "action", "actor", "unit", "at");

	static Evidence of(Flags.Flag flag, TimeDisplay times, UnaryOperator<String> label) {
		List<Line> lines = new ArrayList<>();
		flag.evidence().forEach((key, value) -> lines.add(line(key, value, times, label)));
		return new Evidence(flag, lines);
	}

	private static Line line(String key, Object value, TimeDisplay times, UnaryOperator<String> label) {
		if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
			return new Line(key, null, list.stream().map((e) -> item(e, times, label)).toList());
		}
		if (value instanceof Map<?, ?> map) {
			return new Line(key, null, List.of(item(map, times, label)));
		}
		if (value instanceof List<?> list) {
			return new Line(key,
					list.isEmpty() ? "—" : list.stream().map(String::valueOf).collect(Collectors.joining("、")),
					List.of());
		}
		return new Line(key, time(String.valueOf(value), times), List.of());
	}

	private static String item(Object entry, TimeDisplay times, UnaryOperator<String> label) {
		if (!(entry instanceof Map<?, ?> map)) {
			return String.valueOf(entry);
		}
		List<String> parts = new ArrayList<>();
		for (String key : LEADING) {
			Object value = map.get(key);
			if (value != null) {
				parts.add("sequence".equals(key) ? "#" + value : time(value.toString(), times));
			}
		}
		map.forEach((key, value) -> {
			if (value != null && !LEADING.contains(key) && !"lag".equals(key)) {
				parts.add(label.apply(key.toString()) + " " + time(value.toString(), times));
			}
		});
		return String.join(" · ", parts);
	}

	private static String time(String text, TimeDisplay times) {
		if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
			return text;
		}
		try {
			return times.minutes(OffsetDateTime.parse(text));
		}
		catch (DateTimeParseException ex) {
			return text;
		}
	}

	/**
	 * One piece of evidence: a text, or items.
	 */
	record Line(String key, String text, List<String> items) {
	}

}
