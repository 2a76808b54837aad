package org.yixian.casework;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/cases} with {@code Prefer: return=minimal}: the same intake,
 * written in batches, answered with what identifies the case.
 */
@WebTest
class LeanIntakeApiTests {

	private static final String BODY = """
			{"kind":"DEMAND","type":"COMPLAINT","channel":"API","title":"噪音扰民","content":"夜间施工噪音",
			 "categoryCode":"0103","areaUnitCode":"XC-XG-01"}""";

	@LocalServerPort
	int port;

	@Autowired
	Timeline timeline;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_minimal_answer_names_the_case_which_is_registered_and_dispatched_in_full() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		Map<String, String> headers = Map.of("Prefer", "return=minimal", "Idempotency-Key",
				UUID.randomUUID().toString());
		Api.Response created = operator.post("/api/v1/cases", BODY, headers);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Preference-Applied")).isEqualTo("return=minimal");
		JsonNode receipt = created.json();
		long id = receipt.path("id").asLong();
		assertThat(created.header("Location")).isEqualTo("/api/v1/cases/" + id);
		assertThat(receipt.has("title")).as("no full view").isFalse();
		assertThat(receipt.path("queryCode").asString()).isNotBlank();

		JsonNode view = operator.get("/api/v1/cases/" + id).json();
		assertThat(view.path("number").asString()).isEqualTo(receipt.path("number").asString());
		assertThat(view.path("status").asString()).isEqualTo(receipt.path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(view.path("version").asInt()).isEqualTo(receipt.path("version").asInt());
		assertThat(view.path("assignedUnitCode").asString()).isEqualTo("XC-XG");
		assertThat(this.jdbc.sql("select count(*) from case_deadlines where case_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from case_events where case_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		assertThat(this.timeline.verify(id)).as("the batched timeline keeps its hash chain").isTrue();

		Api.Response again = operator.post("/api/v1/cases", BODY, headers);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("id").asLong()).isEqualTo(id);
		assertThat(again.json().path("queryCode").asString()).isEqualTo(receipt.path("queryCode").asString());
	}

}
