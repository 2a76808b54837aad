package org.yixian.frontline;

import java.time.LocalDate;
import java.util.Base64;

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
 * On-site office sessions: problems become tasks with owner units and due dates, the
 * owner unit completes them with evidence and photos, overdue tasks warn, and a session
 * closes only when every task is done. Research findings become tasks or cases.
 */
@WebTest
class SiteSessionApiTests {

	/** The smallest PNG: one transparent pixel. */
	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

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
	void a_session_closes_only_when_its_tasks_are_done_with_evidence_by_their_owner_unit() {
		long session = session();
		String due = LocalDate.now(FrontlineApi.SHANGHAI).plusDays(7).toString();
		Api.Response task = this.api.district.post("/api/v1/site-sessions/" + session + "/tasks",
				"{\"problem\":\"和平里社区积水点排水改造\",\"ownerUnitCode\":\"DC-HP\",\"dueDate\":\"" + due + "\"}");
		assertThat(task.status()).as(task.body()).isEqualTo(201);
		assertThat(task.json().path("status").asString()).isEqualTo("OPEN");
		assertThat(task.json().path("version").asInt()).isZero();
		assertThat(task.json().path("warningLevel").asString()).isEqualTo("NORMAL");
		long taskId = task.json().path("id").asLong();

		Api.Response early = this.api.district.post("/api/v1/site-sessions/" + session + "/actions/close", "");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().path("code").asString()).isEqualTo("ILLEGAL_TRANSITION");

		Api.Response photo = this.api.handler.upload("/api/v1/tasks/" + taskId + "/photos", "现场.png", "image/jpeg",
				PNG);
		assertThat(photo.status()).as(photo.body()).isEqualTo(201);
		Api.Response fake = this.api.handler.upload("/api/v1/tasks/" + taskId + "/photos", "x.png", "image/png",
				"<script>alert(1)</script>".getBytes());
		assertThat(fake.status()).isEqualTo(422);
		assertThat(fake.errorFields()).containsExactly("file");

		Api.Response noEvidence = this.api.handler.post("/api/v1/tasks/" + taskId + "/actions/complete",
				"{\"version\":0}");
		assertThat(noEvidence.status()).isEqualTo(422);
		assertThat(noEvidence.errorFields()).containsExactly("evidence");
		Api.Response stale = this.api.handler.post("/api/v1/tasks/" + taskId + "/actions/complete",
				"{\"version\":3,\"evidence\":\"已完成\"}");
		assertThat(stale.json().path("code").asString()).isEqualTo("STALE_VERSION");
		Api.Response done = this.api.handler.post("/api/v1/tasks/" + taskId + "/actions/complete",
				"{\"version\":0,\"evidence\":\"新建雨水管80米，积水点已消除\"}");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().path("status").asString()).isEqualTo("DONE");
		assertThat(done.json().path("photos").size()).isEqualTo(1);
		long photoId = done.json().path("photos").get(0).path("id").asLong();
		assertThat(this.api.district.bytes("/api/v1/tasks/" + taskId + "/photos/" + photoId)).isEqualTo(PNG);
		assertThat(this.api.handler
			.post("/api/v1/tasks/" + taskId + "/actions/complete", "{\"version\":1,\"evidence\":\"again\"}")
			.json()
			.path("code")
			.asString()).isEqualTo("ILLEGAL_TRANSITION");

		Api.Response closed = this.api.district.post("/api/v1/site-sessions/" + session + "/actions/close", "");
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
		assertThat(this.api.district
			.post("/api/v1/site-sessions/" + session + "/tasks",
					"{\"problem\":\"再加一件\",\"ownerUnitCode\":\"DC-HP\",\"dueDate\":\"" + due + "\"}")
			.status()).isEqualTo(409);
	}

	@Test
	void a_task_past_its_due_date_warns_like_an_overdue_case_and_a_unit_outside_the_owner_may_not_complete_it() {
		long session = session();
		String due = LocalDate.now(FrontlineApi.SHANGHAI).plusDays(3).toString();
		long taskId = this.api.district
			.post("/api/v1/site-sessions/" + session + "/tasks",
					"{\"problem\":\"拆除违规广告牌\",\"ownerUnitCode\":\"DC-JS\",\"dueDate\":\"" + due + "\"}")
			.json()
			.path("id")
			.asLong();
		this.jdbc.sql("update frontline_tasks set due_date = current_date - 5 where id = ?").param(taskId).update();
		JsonNode task = this.api.district.get("/api/v1/tasks/" + taskId).json();
		assertThat(task.path("warningLevel").asString()).isEqualTo("SEVERELY_OVERDUE");
		assertThat(this.api.handler
			.post("/api/v1/tasks/" + taskId + "/actions/complete", "{\"version\":0,\"evidence\":\"x\"}")
			.status()).isIn(403, 404);
		assertThat(this.api.district.get("/api/v1/leaders/dcleader/desk").json().path("overdueTasks").asLong())
			.isPositive();
	}

	@Test
	void a_research_finding_becomes_a_task_or_a_case_with_the_visit_as_origin() {
		Api.Response visit = this.api.district.post("/api/v1/research-visits", """
				{"topic":"老年助餐服务落实情况","places":"和平里社区、光明社区养老驿站","date":"%s","leaderUsername":"dcleader"}"""
			.formatted(LocalDate.now(FrontlineApi.SHANGHAI)));
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		long id = visit.json().path("id").asLong();
		Api.Response task = this.api.district.post("/api/v1/research-visits/" + id + "/findings", """
				{"text":"光明社区助餐点只供午餐，晚餐需求大","task":{"ownerUnitCode":"DC-HP","dueDate":"%s"}}"""
			.formatted(LocalDate.now(FrontlineApi.SHANGHAI).plusDays(20)));
		assertThat(task.status()).as(task.body()).isEqualTo(201);
		assertThat(task.json().path("taskId").asLong()).isPositive();
		Api.Response finding = this.api.district.post("/api/v1/research-visits/" + id + "/findings", """
				{"text":"和平里社区老人反映助餐补贴未到账","case":{"kind":"DEMAND","type":"HELP","title":"助餐补贴未到账",
				 "content":"调研发现：和平里社区多名老人反映助餐补贴三个月未到账。","areaUnitCode":"DC-HP-01"}}""");
		assertThat(finding.status()).as(finding.body()).isEqualTo(201);
		long caseId = finding.json().path("caseId").asLong();
		JsonNode created = this.api.district.get("/api/v1/cases/" + caseId).json();
		assertThat(created.path("origin").path("kind").asString()).isEqualTo("RESEARCH");
		assertThat(created.path("channel").asString()).isEqualTo("FIELD");
		JsonNode view = this.api.district.get("/api/v1/research-visits/" + id).json();
		assertThat(view.path("findings").size()).isEqualTo(2);
		assertThat(view.path("tasks").size()).isEqualTo(1);
	}

	@Test
	void a_down_visit_follows_up_cases_and_records_new_ones_with_itself_as_origin_once() {
		long followUp = this.api.demand("和平里小区垃圾清运不及时");
		Api.Response plan = this.api.district.post("/api/v1/down-visits", """
				{"leaderUsername":"dcleader","areaUnitCode":"DC-HP","date":"%s","purpose":"走访和平街道，督办积案",
				 "caseIds":[%d]}""".formatted(LocalDate.now(FrontlineApi.SHANGHAI), followUp));
		assertThat(plan.status()).as(plan.body()).isEqualTo(201);
		long id = plan.json().path("id").asLong();
		assertThat(plan.json().path("followUps").get(0).path("id").asLong()).isEqualTo(followUp);
		Api.Response record = this.api.district.post("/api/v1/down-visits/" + id + "/record", """
				{"findings":"垃圾清运已改为每日两次；另发现一处违建","cases":[{"kind":"DEMAND","type":"REPORT",
				 "title":"幸福社区楼顶违建","content":"下访发现幸福社区5号楼楼顶违建。","areaUnitCode":"DC-HP-03"}]}""");
		assertThat(record.status()).as(record.body()).isEqualTo(200);
		long created = record.json().path("createdCases").get(0).path("id").asLong();
		assertThat(this.api.district.get("/api/v1/cases/" + created).json().path("origin").path("kind").asString())
			.isEqualTo("DOWN_VISIT");
		assertThat(this.api.district.post("/api/v1/down-visits/" + id + "/record", "{\"findings\":\"again\"}").status())
			.isEqualTo(409);
	}

	private long session() {
		Api.Response created = this.api.district.post("/api/v1/site-sessions", """
				{"title":"和平街道积水点治理现场办公会","place":"和平里社区3号楼前","date":"%s","leaderUsername":"dcleader",
				 "attendeeUnitCodes":["DC-HP","DC-ZJ"]}""".formatted(LocalDate.now(FrontlineApi.SHANGHAI)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("attendees").size()).isEqualTo(2);
		return created.json().path("id").asLong();
	}

}
