package org.yixian.metrics;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintained roll-ups equal a from-scratch recount of the timelines after random
 * sequences of actions over the API, many of them back-dated ({@code at} in the past),
 * and a rebuild leaves them as they were.
 */
@WebTest
class RollupRecountTests {

	@LocalServerPort
	int port;

	@Autowired
	MetricsRebuild rebuild;

	@Autowired
	JdbcClient jdbc;

	@Test
	void roll_ups_equal_a_recount_after_random_back_dated_action_sequences() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		Api dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		if (admin.get("/api/v1/users/metricsjs").status() == 404) {
			admin.post("/api/v1/users", """
					{"username":"metricsjs","password":"secret123","displayName":"建设街道承办人","unitCode":"DC-JS",
					 "roles":["HANDLER"]}""");
		}
		Api streetHandler = Api.basic(this.port, "metricsjs", "secret123");
		Random random = new Random(20261130L);
		int actions = 0;
		for (int c = 0; c < 14; c++) {
			OffsetDateTime clock = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(20 + random.nextInt(20));
			long id = create(operator, c, clock);
			for (int i = 0; i < 12; i++) {
				JsonNode view = dispatcher.get("/api/v1/cases/" + id).json();
				String status = view.path("status").asString();
				boolean visited = "return-visit".equals(last(view, "return-visit", "reopen"));
				boolean extensionAsked = "request-extension"
					.equals(last(view, "request-extension", "decide-extension", "reply"));
				// most acts are recorded afterwards with the time they happened (days
				// ago);
				// one in eight is recorded as it happens, and the case's later acts
				// follow
				clock = clock.plusHours(1 + random.nextInt(30));
				boolean now = random.nextInt(8) == 0 || clock.isAfter(OffsetDateTime.now());
				if (now) {
					clock = OffsetDateTime.now(ZoneOffset.ofHours(8));
				}
				Move move = extensionAsked
						? new Move("dispatcher", "decide-extension",
								"\"approve\":" + random.nextBoolean() + ",\"comment\":\"同意\"")
						: next(status, visited, random);
				if (move == null) {
					break;
				}
				Api who = switch (move.who()) {
					case "handler" ->
						"DC-JS".equals(view.path("assignedUnitCode").asString()) ? streetHandler : handler;
					case "operator" -> operator;
					default -> dispatcher;
				};
				int version = view.path("version").asInt();
				String body = "{\"version\":" + version + (move.fields().isEmpty() ? "" : "," + move.fields())
						+ (now ? "" : ",\"at\":\"" + clock + "\"") + "}";
				Api.Response response = who.post("/api/v1/cases/" + id + "/actions/" + move.action(), body);
				assertThat(response.status()).as(move + " " + response.body()).isEqualTo(200);
				actions++;
			}
		}
		assertThat(actions).isGreaterThan(40);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(maintained()).isEqualTo(this.rebuild.recount()));
		assertThat(maintained().keySet()).extracting(Rollups.Key::measure)
			.contains("DISPATCHED", "SIGNED_IN_TIME", "REPLIED", "VISITED", "HANDLED");
		Map<Rollups.Key, List<Long>> before = maintained();
		this.rebuild.rebuild();
		assertThat(maintained()).isEqualTo(before);
	}

	private static String last(JsonNode view, String... actions) {
		String last = null;
		for (JsonNode entry : view.path("timeline")) {
			if (List.of(actions).contains(entry.path("action").asString())) {
				last = entry.path("action").asString();
			}
		}
		return last;
	}

	record Move(String who, String action, String fields) {
	}

	private static Move next(String status, boolean visited, Random random) {
		int pick = random.nextInt(10);
		return switch (status) {
			case "REGISTERED" ->
				new Move("dispatcher", "dispatch", "\"unitCode\":\"" + ((pick < 7) ? "DC-HP" : "DC-JS") + "\"");
			case "DISPATCHED" ->
				(pick < 8) ? new Move("handler", "sign", "") : new Move("handler", "return", "\"reason\":\"非本单位职责\"");
			case "RETURNED" -> (pick < 7)
					? new Move("dispatcher", "review-return",
							"\"decision\":\"ACCEPT\",\"unitCode\":\"" + ((pick < 4) ? "DC-HP" : "DC-JS") + "\"")
					: new Move("dispatcher", "review-return", "\"decision\":\"REJECT\",\"comment\":\"属地办理\"");
			case "HANDLING" ->
				(pick < 7) ? new Move("handler", "reply", "\"result\":\"RESOLVED\",\"text\":\"已处理\"") : new Move(
						"handler", "request-extension", "\"amount\":2,\"unit\":\"WORKING_DAYS\",\"reason\":\"需协调\"");
			case "REPLIED" -> new Move("dispatcher", "review-reply",
					(pick < 8) ? "\"approve\":true" : "\"approve\":false,\"comment\":\"请补充\"");
			case "VISITING" -> visited
					? ((pick < 6) ? new Move("dispatcher", "reopen", "\"reason\":\"仍未解决\"")
							: new Move("dispatcher", "close", "\"note\":\"结案\""))
					: new Move("operator", "return-visit",
							"\"resolved\":\"" + List.of("RESOLVED", "PARTLY", "UNRESOLVED").get(pick % 3)
									+ "\",\"satisfaction\":\""
									+ List.of("SATISFIED", "BASICALLY", "UNSATISFIED").get((pick / 3) % 3) + "\"");
			case "CLOSED" -> (pick < 3) ? new Move("dispatcher", "reopen", "\"reason\":\"市民再次反映\"") : null;
			default -> null;
		};
	}

	private static long create(Api operator, int n, OffsetDateTime receivedAt) {
		Api.Response response = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"楼道灯不亮%d","content":"楼道灯不亮，请处理。",
				 "areaUnitCode":"SFS","complainant":{"name":"市民","phone":"1390000%04d"},"receivedAt":"%s"}"""
			.formatted(n, n, receivedAt));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private Map<Rollups.Key, List<Long>> maintained() {
		Map<Rollups.Key, List<Long>> counts = new HashMap<>();
		this.jdbc.sql("""
				select measure, day, unit_id, accused_unit_id, category_code, n, value from metric_counts
				where n <> 0 or value <> 0""").query((rs) -> {
			counts.put(
					new Rollups.Key(rs.getString("measure"), rs.getObject("day", java.time.LocalDate.class),
							rs.getLong("unit_id"), rs.getLong("accused_unit_id"), rs.getString("category_code")),
					List.of(rs.getLong("n"), rs.getLong("value")));
		});
		return counts;
	}

}
