package org.yixian.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Chart data for the {@code data-chart} attribute that {@code yixian.js} draws with
 * ECharts ({"type", "labels", "series":[{"name", "data"}]}; no inline script).
 */
final class Charts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Charts() {
	}

	static String trend(Map<LocalDate, long[]> days, List<String> names) {
		List<String> labels = new ArrayList<>();
		List<List<Long>> columns = new ArrayList<>();
		names.forEach((n) -> columns.add(new ArrayList<>()));
		days.forEach((day, values) -> {
			labels.add(day.getMonthValue() + "-" + day.getDayOfMonth());
			for (int i = 0; i < names.size(); i++) {
				columns.get(i).add(values[i]);
			}
		});
		List<Map<String, Object>> series = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			series.add(Map.of("name", names.get(i), "data", columns.get(i)));
		}
		return write("line", labels, series);
	}

	static String bars(String name, Map<String, ? extends Number> values) {
		return write("bar", List.copyOf(values.keySet()),
				List.of(Map.of("name", name, "data", List.copyOf(values.values()))));
	}

	private static String write(String type, List<String> labels, List<Map<String, Object>> series) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", type);
		chart.put("labels", labels);
		chart.put("series", series);
		return JSON.writeValueAsString(chart);
	}

}
