package org.yixian.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bench search}: how long the lists' text filter takes for texts of different
 * frequency, as users of different scope (the city's dispatcher, a street's handler), one
 * request at a time: what a person waits for, and whether the time limit stops it (422).
 */
final class SearchTimes {

	/**
	 * Texts of the synthetic city: nowhere, one title in 3,072, one place and object
	 * (about one case in 256), one object (one case in 16), and Latin texts without hits.
	 */
	static final List<String> DEFAULT_TEXTS = List.of("火星基地漏水", "幸福小区路灯损坏多日无人维修", "光明路井盖", "井盖", "B2026", "zzqx");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SearchTimes() {
	}

	record Row(String user, String text, int status, String total, double[] millis) {

		double median() {
			double[] sorted = this.millis.clone();
			Arrays.sort(sorted);
			return sorted[sorted.length / 2];
		}

		double max() {
			return Arrays.stream(this.millis).max().orElse(0);
		}

	}

	static List<Row> measure(HttpLoad http, Map<String, String> tokens, List<String> texts, int runs) throws Exception {
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, String> user : tokens.entrySet()) {
			for (String text : texts) {
				double[] millis = new double[runs];
				int status = 0;
				String total = "";
				for (int i = 0; i < runs; i++) {
					long t0 = System.nanoTime();
					HttpResponse<String> answer = http
						.send(http.get("/api/v1/cases?size=30&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8),
								user.getValue()));
					millis[i] = (System.nanoTime() - t0) / 1e6;
					status = answer.statusCode();
					JsonNode body = JSON.readTree(answer.body());
					total = (status == 200) ? body.path("total").asString()
							: body.path("errors").path(0).path("field").asString();
				}
				rows.add(new Row(user.getKey(), text, status, total, millis));
			}
		}
		return rows;
	}

	static void print(List<Row> rows) {
		System.out.printf("%-11s %-30s %6s %8s %10s %10s%n", "user", "q", "status", "total", "median ms", "max ms");
		for (Row row : rows) {
			System.out.printf("%-11s %-30s %6d %8s %10.1f %10.1f%n", row.user(), row.text(), row.status(), row.total(),
					row.median(), row.max());
		}
	}

}
