package org.yixian.insight;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.yixian.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registers cases for insight tests over the API, as the hotline's operator would.
 */
final class InsightCases {

	private final Api operator;

	InsightCases(Api operator) {
		this.operator = operator;
	}

	long demand(String title, String content, String category, String area, String phone) {
		return demand(title, content, category, area, phone, null);
	}

	long demand(String title, String content, String category, String area, String phone, String extra) {
		Api.Response created = this.operator.post("/api/v1/cases",
				"""
						{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"%s","content":"%s",
						 "categoryCode":%s,"areaUnitCode":"%s","complainant":{"name":"市民","phone":%s}%s}""".formatted(
						title, content, (category == null) ? "null" : "\"" + category + "\"", area,
						(phone == null) ? "null" : "\"" + phone + "\"", (extra == null) ? "" : "," + extra));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static final java.util.concurrent.atomic.AtomicBoolean REGISTERED = new java.util.concurrent.atomic.AtomicBoolean();

	/**
	 * The fixture messages registered once in this test JVM (for tests that only need
	 * them to be there).
	 */
	void fixturesOnce() {
		if (REGISTERED.compareAndSet(false, true)) {
			fixtures("");
		}
	}

	/**
	 * The fixture messages as demands spread over three communities; their ids by title.
	 */
	Map<String, Long> fixtures(String marker) {
		Map<String, Long> ids = new java.util.LinkedHashMap<>();
		String[] areas = { "DC-HP-01", "DC-JS-01", "XC-XG-01" };
		int i = 0;
		for (Map<String, String> m : Fixtures.messages()) {
			String title = m.get("title") + marker;
			ids.put(m.get("title"), demand(title, m.get("content"), m.get("category"), areas[i++ % areas.length],
					"1390000" + String.format("%04d", i)));
		}
		return ids;
	}

	static boolean contains(JsonNode hits, long id, int within) {
		for (int i = 0; i < Math.min(within, hits.size()); i++) {
			if (hits.get(i).path("id").asLong() == id) {
				return true;
			}
		}
		return false;
	}

}
