package org.yixian.integrity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.yixian.testing.Api;
import org.yixian.testing.Demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cases for the integrity tests, made over the real API by the demo accounts, and the
 * flags the supervisor of 东城区 reads about them.
 */
final class IntegrityCases {

	private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 100000));

	final Api operator;

	final Api dispatcher;

	final Api handler;

	final Api supervisor;

	private final int port;

	IntegrityCases(int port) {
		this.port = port;
		this.operator = Api.basic(port, "operator", Demo.PASSWORD);
		this.dispatcher = Api.basic(port, "dispatcher", Demo.PASSWORD);
		this.handler = Api.basic(port, "handler", Demo.PASSWORD);
		this.supervisor = Api.basic(port, "supervisor", Demo.PASSWORD);
	}

	Api as(String username) {
		return Api.basic(this.port, username, Demo.PASSWORD);
	}

	/**
	 * A complaint in 和平街道 that the catalogue dispatches to DC-HP at once.
	 */
	JsonNode complaint(String title, String extra) {
		String phone = "139" + String.format("%08d", PHONES.incrementAndGet());
		Api.Response response = this.operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"%s","content":"%s，请尽快处理。",
				 "categoryCode":"0102","areaUnitCode":"DC-HP-01","complainant":{"name":"市民乙","phone":"%s"}%s}"""
			.formatted(title, title, phone, (extra != null) ? "," + extra : ""));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	JsonNode act(Api who, long id, String action, String fields) {
		int version = this.dispatcher.get("/api/v1/cases/" + id).json().path("version").asInt();
		Api.Response response = who.post("/api/v1/cases/" + id + "/actions/" + action,
				"{\"version\":" + version + (fields.isEmpty() ? "" : "," + fields) + "}");
		assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(200);
		return response.json();
	}

	/**
	 * The supervisor's flags of a kind about a case.
	 */
	List<JsonNode> flags(Api who, String kind, long caseId) {
		List<JsonNode> found = new ArrayList<>();
		Api.Response response = who.get("/api/v1/integrity/flags?size=500&kind=" + kind);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		response.json().path("items").forEach((f) -> {
			if (f.path("caseId").asLong() == caseId) {
				found.add(f);
			}
		});
		return found;
	}

	JsonNode awaitFlag(String kind, long caseId) {
		JsonNode[] flag = { null };
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<JsonNode> flags = flags(this.supervisor, kind, caseId);
			assertThat(flags).as(kind + " flag of case " + caseId).hasSize(1);
			flag[0] = flags.get(0);
		});
		return flag[0];
	}

	/**
	 * Waits until every event published since a time has been handled, so that the
	 * absence of a flag means something.
	 */
	static void settle(org.springframework.jdbc.core.simple.JdbcClient jdbc, java.time.OffsetDateTime since) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc
				.sql("select count(*) from event_publication where completion_date is null and publication_date >= ?")
				.param(since)
				.query(Long.class)
				.single() == 0);
	}

}
