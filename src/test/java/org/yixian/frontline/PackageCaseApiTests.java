package org.yixian.frontline;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Package cases (包案): a leader takes a case in charge or puts it in the charge of a
 * leader below, reports go on the case's timeline, the outcome ends the package, and a
 * leader's list shows the packages of the leaders below with the late ones marked.
 */
@WebTest
class PackageCaseApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	FrontlineApi api;

	@BeforeEach
	void people() {
		this.api = new FrontlineApi(this.port);
	}

	@Test
	void a_district_leader_assigns_a_case_to_the_street_leader_who_reports_on_the_timeline_and_concludes_it() {
		long caseId = this.api.demand("和平里社区供暖不热多年未解决");
		String target = LocalDate.now(FrontlineApi.SHANGHAI).plusDays(30).toString();
		Api.Response packaged = this.api.act(this.api.district, caseId, "package",
				"\"leaderUsername\":\"hpleader\",\"plan\":\"街道牵头，协调热力公司入户检测并更换老旧管线\",\"targetDate\":\"" + target
						+ "\"");
		assertThat(packaged.status()).as(packaged.body()).isEqualTo(200);
		JsonNode view = packaged.json();
		assertThat(view.path("packageLeader").path("username").asString()).isEqualTo("hpleader");
		assertThat(view.path("packageLeader").path("displayName").asString()).isEqualTo("马和平");
		assertThat(view.path("packageTargetDate").asString()).isEqualTo(target);
		assertThat(view.path("packageLate").asBoolean()).isFalse();
		assertThat(last(view).path("action").asString()).isEqualTo("package");

		Api.Response twice = this.api.act(this.api.district, caseId, "package",
				"\"leaderUsername\":\"dcleader\",\"plan\":\"再包\",\"targetDate\":\"" + target + "\"");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().path("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
		Api.Response notHis = this.api.act(this.api.district, caseId, "package-report", "\"text\":\"我来汇报\"");
		assertThat(notHis.status()).isEqualTo(403);

		Api.Response report = this.api.act(this.api.street, caseId, "package-report",
				"\"text\":\"已入户查看12户，热力公司定于下周更换主管线\"");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(last(report.json()).path("action").asString()).isEqualTo("package-report");
		assertThat(last(report.json()).path("comment").asString()).contains("更换主管线");
		assertThat(report.json().path("packageReportCount").asInt()).isEqualTo(1);

		Api.Response missing = this.api.act(this.api.street, caseId, "package-outcome", "\"text\":\"已化解\"");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.errorFields()).containsExactly("resolved");
		Api.Response outcome = this.api.act(this.api.street, caseId, "package-outcome",
				"\"resolved\":true,\"text\":\"管线更换完毕，室温达标，群众满意\"");
		assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
		assertThat(outcome.json().path("packageOutcome").path("resolved").asBoolean()).isTrue();
		assertThat(outcome.json().path("availableActions").toString()).doesNotContain("package-report");
	}

	@Test
	void the_district_leader_s_subtree_list_has_the_street_leader_s_package_and_marks_it_late_once_the_target_passes() {
		long own = this.api.demand("东城区某小区停车位被长期占用");
		long below = this.api.demand("和平里菜市场噪声扰民");
		String target = LocalDate.now(FrontlineApi.SHANGHAI).plusDays(10).toString();
		assertThat(this.api
			.act(this.api.district, own, "package",
					"\"leaderUsername\":\"dcleader\",\"plan\":\"亲自协调\",\"targetDate\":\"" + target + "\"")
			.status()).isEqualTo(200);
		assertThat(this.api
			.act(this.api.district, below, "package",
					"\"leaderUsername\":\"hpleader\",\"plan\":\"街道负责\",\"targetDate\":\"" + target + "\"")
			.status()).isEqualTo(200);
		this.jdbc.sql("update package_cases set target_date = current_date - 2 where case_id = ?")
			.param(below)
			.update();

		JsonNode onlyOwn = this.api.district.get("/api/v1/leaders/dcleader/package-cases").json();
		assertThat(ids(onlyOwn)).contains(own).doesNotContain(below);
		JsonNode subtree = this.api.district.get("/api/v1/leaders/dcleader/package-cases?subtree=true&size=500").json();
		assertThat(ids(subtree)).contains(own, below);
		assertThat(item(subtree, below).path("late").asBoolean()).isTrue();
		assertThat(item(subtree, below).path("leaderUsername").asString()).isEqualTo("hpleader");
		assertThat(item(subtree, own).path("late").asBoolean()).isFalse();
		assertThat(subtree.path("items").get(0).path("late").asBoolean()).as("late ones first").isTrue();
		assertThat(this.api.district.get("/api/v1/cases/" + below).json().path("packageLate").asBoolean()).isTrue();

		JsonNode street = this.api.street.get("/api/v1/leaders/hpleader/package-cases?subtree=true&size=500").json();
		assertThat(ids(street)).contains(below).doesNotContain(own);
		assertThat(this.api.street.get("/api/v1/leaders/dcleader/package-cases").status()).isEqualTo(404);
		assertThat(this.api.city.get("/api/v1/leaders/dcleader/package-cases?subtree=true&size=500").status())
			.isEqualTo(200);
	}

	@Test
	void only_a_leader_over_the_case_may_package_it_and_only_to_a_leader_over_it() {
		long caseId = this.api.demand("和平街道路灯损坏");
		String target = LocalDate.now(FrontlineApi.SHANGHAI).plusDays(5).toString();
		assertThat(this.api
			.act(this.api.handler, caseId, "package",
					"\"leaderUsername\":\"hpleader\",\"plan\":\"x\",\"targetDate\":\"" + target + "\"")
			.status()).isEqualTo(403);
		Api.Response past = this.api.act(this.api.district, caseId, "package",
				"\"leaderUsername\":\"hpleader\",\"plan\":\"x\",\"targetDate\":\"2020-01-01\"");
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.errorFields()).containsExactly("targetDate");
		Api.Response up = this.api.act(this.api.street, caseId, "package",
				"\"leaderUsername\":\"dcleader\",\"plan\":\"x\",\"targetDate\":\"" + target + "\"");
		assertThat(up.status()).isEqualTo(422);
		assertThat(up.errorFields()).containsExactly("leaderUsername");
	}

	@Test
	void a_petition_is_never_put_in_the_charge_of_a_leader_inside_the_unit_it_complains_about() {
		Api.Response petition = this.api.office.post("/api/v1/cases", """
				{"kind":"PETITION","petitionClass":"ACCUSATION","channel":"WALK_IN","title":"举报街道工作人员索要好处费",
				 "content":"信访人举报和平街道工作人员在办理低保时索要好处费。","areaUnitCode":"DC-HP-01","accusedUnitCode":"DC-HP",
				 "complainant":{"name":"钱某","phone":"13812349999"}}""");
		assertThat(petition.status()).as(petition.body()).isEqualTo(201);
		long caseId = petition.json().path("id").asLong();
		String target = LocalDate.now(FrontlineApi.SHANGHAI).plusDays(20).toString();
		Api.Response accused = this.api.act(this.api.district, caseId, "package",
				"\"leaderUsername\":\"hpleader\",\"plan\":\"x\",\"targetDate\":\"" + target + "\"");
		assertThat(accused.status()).isEqualTo(422);
		assertThat(accused.errorFields()).containsExactly("leaderUsername");
		assertThat(this.api
			.act(this.api.district, caseId, "package",
					"\"leaderUsername\":\"dcleader\",\"plan\":\"区领导亲自督办\",\"targetDate\":\"" + target + "\"")
			.status()).isEqualTo(200);
		assertThat(this.api.street.get("/api/v1/leaders/dcleader/package-cases").status()).isEqualTo(404);
		assertThat(this.api.street.get("/api/v1/leaders/hpleader/package-cases?subtree=true&size=500").body())
			.doesNotContain("好处费");
	}

	private static JsonNode last(JsonNode view) {
		return view.path("timeline").get(view.path("timeline").size() - 1);
	}

	private static java.util.List<Long> ids(JsonNode page) {
		java.util.List<Long> ids = new java.util.ArrayList<>();
		page.path("items").forEach((i) -> ids.add(i.path("caseId").asLong()));
		return ids;
	}

	private static JsonNode item(JsonNode page, long caseId) {
		for (JsonNode i : page.path("items")) {
			if (i.path("caseId").asLong() == caseId) {
				return i;
			}
		}
		throw new AssertionError("no package of case " + caseId);
	}

}
