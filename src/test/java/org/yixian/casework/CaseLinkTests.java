package org.yixian.casework;

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
 * 关联 instead of 并单: two cases stay apart but each names the other, on both timelines and
 * both pages, and a link never shows a case the reader may not open.
 */
@WebTest
class CaseLinkTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void two_cases_are_linked_once_on_both_timelines_and_refusals_name_the_field() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode first = demand(operator, "小区停车位被占 甲");
		JsonNode second = demand(operator, "小区停车位被占 乙");
		long id = first.path("id").asLong();
		Api.Response linked = operator.post("/api/v1/cases/" + id + "/actions/link", "{\"version\":" + version(id)
				+ ",\"number\":\"" + second.path("number").asString() + "\",\"note\":\"同一小区同一问题，分别办理\"}");
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		for (long each : new long[] { id, second.path("id").asLong() }) {
			assertThat(this.jdbc.sql("select count(*) from case_events where case_id = ? and action = 'link'")
				.param(each)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		Api page = Api.browser(this.port);
		page.formLogin("dispatcher", Demo.PASSWORD);
		assertThat(page.get("/cases/" + second.path("id").asLong()).body()).contains("关联工单")
			.contains(first.path("number").asString());

		Api.Response again = operator.post("/api/v1/cases/" + id + "/actions/link",
				"{\"version\":" + version(id) + ",\"number\":\"" + second.path("number").asString() + "\"}");
		assertThat(again.status()).isEqualTo(409);
		Api.Response unknown = operator.post("/api/v1/cases/" + id + "/actions/link",
				"{\"version\":" + version(id) + ",\"number\":\"D00000000000000\"}");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.errorFields()).containsExactly("number");
		Api.Response self = operator.post("/api/v1/cases/" + id + "/actions/link",
				"{\"version\":" + version(id) + ",\"number\":\"" + first.path("number").asString() + "\"}");
		assertThat(self.status()).isEqualTo(422);
		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		assertThat(handler
			.post("/api/v1/cases/" + id + "/actions/link",
					"{\"version\":" + version(id) + ",\"number\":\"" + second.path("number").asString() + "\"}")
			.status()).isIn(403, 404);
	}

	@Test
	void a_petition_against_a_unit_is_never_linked() {
		Api office = Api.basic(this.port, "petition", Demo.PASSWORD);
		JsonNode petition = office.post("/api/v1/cases", """
				{"kind":"PETITION","petitionClass":"ACCUSATION","channel":"LETTER","title":"举报街道干部吃拿卡要",
				 "content":"举报和平街道干部在停车收费中吃拿卡要。","areaUnitCode":"DC-HP-01","accusedUnitCode":"DC-HP",
				 "complainant":{"name":"孙某","phone":"13900008881"}}""").json();
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode demand = demand(operator, "小区停车收费不明");
		long demandId = demand.path("id").asLong();
		Api supervisor = Api.basic(this.port, "supervisor", Demo.PASSWORD);
		Api.Response linked = supervisor.post("/api/v1/cases/" + demandId + "/actions/link",
				"{\"version\":" + version(demandId) + ",\"number\":\"" + petition.path("number").asString() + "\"}");
		assertThat(linked.status()).as(linked.body()).isEqualTo(422);
		assertThat(linked.errorFields()).containsExactly("number");
		assertThat(this.jdbc.sql("select count(*) from case_links where case_id = ?")
			.param(demandId)
			.query(Long.class)
			.single()).isZero();
		Api street = Api.browser(this.port);
		street.formLogin("handler", Demo.PASSWORD);
		String page = street.get("/cases/" + demandId).body();
		assertThat(page).doesNotContain(petition.path("number").asString()).doesNotContain("吃拿卡要");
	}

	@Test
	void a_linked_case_is_not_merged_into_a_petition_against_a_unit() {
		Api office = Api.basic(this.port, "petition", Demo.PASSWORD);
		JsonNode accusing = petition(office, "举报街道克扣补贴", "举报和平街道克扣低保补贴。", "13900008882",
				"\"accusedUnitCode\":\"DC-HP\",");
		JsonNode plain = petition(office, "低保资格复核", "申请对低保资格重新复核。", "13900008883", "");
		JsonNode partner = petition(office, "低保待遇咨询", "询问低保待遇发放时间。", "13900008884", "");
		long plainId = plain.path("id").asLong();
		assertThat(
				office
					.post("/api/v1/cases/" + plainId + "/actions/link",
							"{\"version\":" + version(plainId) + ",\"number\":\"" + partner.path("number").asString()
									+ "\"}")
					.status())
			.isEqualTo(200);
		Api.Response merge = office.post("/api/v1/cases/" + plainId + "/actions/merge",
				"{\"version\":" + version(plainId) + ",\"intoCaseId\":" + accusing.path("id").asLong() + "}");
		assertThat(merge.status()).as(merge.body()).isEqualTo(422);
		assertThat(merge.errorFields()).containsExactly("intoCaseId");
		assertThat(this.jdbc.sql("select status from cases where id = ?").param(plainId).query(String.class).single())
			.isNotEqualTo("MERGED");
	}

	private JsonNode petition(Api office, String title, String content, String phone, String accused) {
		Api.Response created = office.post("/api/v1/cases",
				"{\"kind\":\"PETITION\",\"petitionClass\":\"APPEAL\",\"channel\":\"LETTER\",\"title\":\"" + title
						+ "\",\"content\":\"" + content + "\",\"areaUnitCode\":\"DC-HP-01\"," + accused
						+ "\"complainant\":{\"name\":\"王某\",\"phone\":\"" + phone + "\"}}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private JsonNode demand(Api operator, String title) {
		Api.Response created = operator.post("/api/v1/cases",
				"{\"kind\":\"DEMAND\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\",\"title\":\"" + title
						+ "\",\"content\":\"" + title + "，请处理。\",\"categoryCode\":\"0102\","
						+ "\"areaUnitCode\":\"DC-HP-02\",\"complainant\":{\"name\":\"市民\",\"phone\":\"13700009990\"}}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private int version(long caseId) {
		return this.jdbc.sql("select version from cases where id = ?").param(caseId).query(Integer.class).single();
	}

}
