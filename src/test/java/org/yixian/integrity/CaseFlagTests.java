package org.yixian.integrity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The flags about one case, from casework's events over real HTTP: each fires on a case
 * that shows the abuse and stays silent on a clean one; the unit complained about never
 * sees a flag about a case against it; a supervisor confirms or dismisses with a note.
 */
@WebTest
class CaseFlagTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	IntegrityCases cases() {
		return new IntegrityCases(this.port);
	}

	@Test
	void a_case_returned_twice_is_flagged_with_each_return_and_a_case_returned_once_is_not() {
		IntegrityCases c = cases();
		OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
		long once = c.complaint("井盖缺失无人管一次退单", null).path("id").asLong();
		c.act(c.handler, once, "return", "\"reason\":\"不属于本街道职责\"");
		long twice = c.complaint("井盖缺失无人管两次退单", null).path("id").asLong();
		c.act(c.handler, twice, "return", "\"reason\":\"不属于本街道职责\"");
		c.act(c.dispatcher, twice, "review-return", "\"decision\":\"ACCEPT\",\"unitCode\":\"XC-XG\"");
		c.act(c.as("handler2"), twice, "return", "\"reason\":\"也不归我们管\"");

		JsonNode flag = c.awaitFlag("BOUNCED", twice);
		assertThat(flag.path("evidence").path("count").asInt()).isEqualTo(2);
		assertThat(flag.path("evidence").path("returns").toString()).contains("不属于本街道职责", "也不归我们管", "DC-HP", "XC-XG");
		IntegrityCases.settle(this.jdbc, start);
		assertThat(c.flags(c.supervisor, "BOUNCED", once)).isEmpty();
	}

	@Test
	void a_reply_too_short_and_beside_the_question_is_flagged_naming_the_missing_terms() {
		IntegrityCases c = cases();
		OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
		long good = c.complaint("小区物业乱收停车费", null).path("id").asLong();
		c.act(c.handler, good, "sign", "");
		c.act(c.handler, good, "reply", "\"result\":\"RESOLVED\",\"text\":\"经核查，小区物业确实多收停车费，已责令物业退还多收的停车费并公示收费标准。\"");
		long weak = c.complaint("小区物业乱收停车费", null).path("id").asLong();
		c.act(c.handler, weak, "sign", "");
		c.act(c.handler, weak, "reply", "\"result\":\"RESOLVED\",\"text\":\"已处理。\"");

		JsonNode flag = c.awaitFlag("WEAK_REPLY", weak);
		JsonNode evidence = flag.path("evidence");
		assertThat(evidence.path("tooShort").asBoolean()).isTrue();
		assertThat(evidence.path("missesTerms").asBoolean()).isTrue();
		assertThat(evidence.path("keyTerms").toString()).contains("物业");
		assertThat(evidence.path("missing").toString()).contains("物业");
		assertThat(flag.path("unitCode").asString()).isEqualTo("DC-HP");
		assertThat(flag.path("summary").asString()).contains("未提及", "物业");
		IntegrityCases.settle(this.jdbc, start);
		assertThat(c.flags(c.supervisor, "WEAK_REPLY", good)).isEmpty();
	}

	@Test
	void an_entry_recorded_hours_after_its_time_is_flagged_with_how_far_back() {
		IntegrityCases c = cases();
		OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
		long onTime = c.complaint("路灯不亮按时登记", null).path("id").asLong();
		String threeHoursAgo = Instant.now().minus(3, ChronoUnit.HOURS).toString();
		long late = c.complaint("路灯不亮倒填登记", "\"receivedAt\":\"" + threeHoursAgo + "\"").path("id").asLong();

		JsonNode flag = c.awaitFlag("BACKDATED", late);
		JsonNode entry = flag.path("evidence").path("entries").get(0);
		assertThat(entry.path("action").asString()).isEqualTo("register");
		assertThat(entry.path("sequence").asInt()).isEqualTo(1);
		assertThat(entry.path("lagMinutes").asLong()).isBetween(179L, 182L);
		assertThat(entry.path("lag").asString()).startsWith("3 小时");
		IntegrityCases.settle(this.jdbc, start);
		assertThat(c.flags(c.supervisor, "BACKDATED", onTime)).isEmpty();
	}

	@Test
	void a_complaint_recoded_as_a_consultation_after_dispatch_is_found_by_the_scan() {
		IntegrityCases c = cases();
		OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
		long kept = c.complaint("噪音扰民仍为投诉", null).path("id").asLong();
		long recoded = c.complaint("噪音扰民被改为咨询", null).path("id").asLong();
		IntegrityCases.settle(this.jdbc, start);
		this.jdbc.sql("update cases set type = 'CONSULT' where id = ?").param(recoded).update();
		assertThat(c.supervisor.post("/api/v1/integrity/scan", "").status()).isEqualTo(200);

		JsonNode flag = c.awaitFlag("RECODED", recoded);
		assertThat(flag.path("evidence").path("registeredType").asString()).isEqualTo("COMPLAINT");
		assertThat(flag.path("evidence").path("currentType").asString()).isEqualTo("CONSULT");
		assertThat(flag.path("evidence").path("dispatchedTo").asString()).isEqualTo("DC-HP");
		assertThat(flag.path("evidence").path("onTimeline").asBoolean()).isFalse();
		assertThat(c.flags(c.supervisor, "RECODED", kept)).isEmpty();
		assertThat(c.supervisor.post("/api/v1/integrity/scan", "").status()).isEqualTo(200);
		assertThat(c.flags(c.supervisor, "RECODED", recoded)).as("one open flag per case and kind").hasSize(1);
	}

	@Test
	void the_unit_complained_about_never_sees_the_flag_and_a_supervisor_reviews_with_a_note() {
		IntegrityCases c = cases();
		Api admin = c.as("admin");
		if (admin.get("/api/v1/users/hpsupervisor").status() == 404) {
			assertThat(admin.post("/api/v1/users",
					"""
							{"username":"hpsupervisor","password":"secret123","displayName":"和平督办","unitCode":"DC-HP","roles":["SUPERVISOR"]}""")
				.status()).isEqualTo(201);
		}
		Api hp = Api.basic(this.port, "hpsupervisor", "secret123");
		String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).toString();
		long plain = c.complaint("倒填时间普通件", "\"receivedAt\":\"" + yesterday + "\"").path("id").asLong();
		long accusing = c
			.complaint("举报和平街道干部倒填时间", "\"receivedAt\":\"" + yesterday + "\",\"accusedUnitCode\":\"DC-HP\"")
			.path("id")
			.asLong();
		JsonNode secret = c.awaitFlag("BACKDATED", accusing);
		await().untilAsserted(() -> assertThat(c.flags(hp, "BACKDATED", plain)).hasSize(1));
		assertThat(c.flags(hp, "BACKDATED", accusing)).isEmpty();
		assertThat(hp.get("/api/v1/integrity/flags/" + secret.path("id").asLong()).status()).isEqualTo(404);
		assertThat(hp.get("/api/v1/integrity/flags?size=500").body())
			.doesNotContain(secret.path("caseNumber").asString());
		assertThat(c.as("handler2").get("/api/v1/integrity/flags").status()).isEqualTo(403);

		long id = secret.path("id").asLong();
		Api.Response noNote = c.supervisor.post("/api/v1/integrity/flags/" + id + "/review",
				"{\"decision\":\"CONFIRMED\",\"note\":\"\"}");
		assertThat(noNote.status()).isEqualTo(422);
		assertThat(noNote.errorFields()).contains("note");
		assertThat(
				c.supervisor.post("/api/v1/integrity/flags/" + id + "/review", "{\"decision\":\"OPEN\",\"note\":\"x\"}")
					.errorFields())
			.contains("decision");
		Api.Response confirmed = c.supervisor.post("/api/v1/integrity/flags/" + id + "/review",
				"{\"decision\":\"CONFIRMED\",\"note\":\"经核实，登记员事后补录\"}");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.json().path("reviewedBy").asString()).isEqualTo("supervisor");
		assertThat(c.supervisor
			.post("/api/v1/integrity/flags/" + id + "/review", "{\"decision\":\"DISMISSED\",\"note\":\"再改\"}")
			.status()).isEqualTo(409);
		assertThat(c.supervisor.get("/api/v1/integrity/flags?status=CONFIRMED&kind=BACKDATED&size=500").body())
			.contains(secret.path("caseNumber").asString());
		assertThat(c.supervisor.get("/api/v1/integrity/flags?kind=NOPE").status()).isEqualTo(422);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'FLAG_CONFIRMED' and target_id = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void a_supervisor_of_the_flagged_unit_may_not_clear_the_flag_and_the_page_keeps_the_typed_note() {
		IntegrityCases c = cases();
		String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).toString();
		long plain = c.complaint("本单位预警核查", "\"receivedAt\":\"" + yesterday + "\"").path("id").asLong();
		JsonNode flag = c.awaitFlag("BACKDATED", plain);
		String unit = flag.path("unitCode").asString();
		assertThat(unit).isNotBlank();
		Api admin = c.as("admin");
		String username = "own" + unit.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (admin.get("/api/v1/users/" + username).status() == 404) {
			assertThat(admin
				.post("/api/v1/users",
						"{\"username\":\"" + username
								+ "\",\"password\":\"secret123\",\"displayName\":\"本单位督办\",\"unitCode\":\"" + unit
								+ "\",\"roles\":[\"SUPERVISOR\"]}")
				.status()).isEqualTo(201);
		}
		long id = flag.path("id").asLong();
		Api own = Api.basic(this.port, username, "secret123");
		Api.Response refused = own.post("/api/v1/integrity/flags/" + id + "/review",
				"{\"decision\":\"DISMISSED\",\"note\":\"自己排除自己的预警\"}");
		assertThat(refused.status()).isEqualTo(403);

		Api page = Api.browser(this.port);
		assertThat(page.formLogin(username, "secret123")).doesNotContain("error");
		Api.Response posted = page.form("/integrity/flags/" + id + "/review", page.get("/integrity/flags").csrf(),
				Map.of("decision", "DISMISSED", "note", "自己排除自己的预警"));
		assertThat(posted.status()).isEqualTo(302);
		String back = page.get("/integrity/flags").body();
		assertThat(back).contains("单位不能核实针对本单位的预警").contains("自己排除自己的预警");
		assertThat(
				this.jdbc.sql("select status from integrity_flags where id = ?").param(id).query(String.class).single())
			.isEqualTo("OPEN");
	}

	@Test
	void a_return_visit_is_kept_with_who_recorded_it_and_when() {
		IntegrityCases c = cases();
		long id = c.complaint("垃圾清运不及时回访", null).path("id").asLong();
		c.act(c.handler, id, "sign", "");
		c.act(c.handler, id, "reply", "\"result\":\"RESOLVED\",\"text\":\"垃圾清运已恢复每日两次，清运不及时的问题已经解决。\"");
		c.act(c.dispatcher, id, "review-reply", "\"approve\":true");
		c.act(c.operator, id, "return-visit", "\"resolved\":\"RESOLVED\",\"satisfaction\":\"SATISFIED\"");
		await().untilAsserted(() -> assertThat(this.jdbc
			.sql("select actor || ' ' || unit_code || ' ' || satisfaction || ' ' || (caller_hash is not null)"
					+ " from integrity_visits where case_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("operator DC-HP SATISFIED true"));
	}

}
