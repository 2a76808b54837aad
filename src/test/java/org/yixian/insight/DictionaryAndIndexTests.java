package org.yixian.insight;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The user dictionary (unit and category names, terms administrators add) and the case
 * index's rebuild from PostgreSQL, over the API.
 */
@WebTest
class DictionaryAndIndexTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDictionary dictionary;

	@Test
	void administrators_add_local_terms_that_segmentation_keeps_whole_and_unit_names_are_there_already() {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		Api analyst = Api.basic(this.port, "analyst", Demo.PASSWORD);
		JsonNode terms = analyst.get("/api/v1/insight/terms").json();
		assertThat(terms.toString()).contains("\"term\":\"和平里社区\",\"kind\":\"UNIT\"",
				"\"term\":\"噪声污染\",\"kind\":\"CATEGORY\"");
		assertThat(analyst.post("/api/v1/insight/terms", "{\"term\":\"五矿万境\"}").status()).isEqualTo(403);
		assertThat(words("五矿万境小区停车难")).doesNotContain("五矿万境");
		Api.Response added = admin.post("/api/v1/insight/terms", "{\"term\":\"五矿万境\"}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().path("kind").asString()).isEqualTo("CUSTOM");
		assertThat(words("五矿万境小区停车难")).contains("五矿万境");
		for (String bad : new String[] { "a", "五矿 万境", "" }) {
			Api.Response refused = admin.post("/api/v1/insight/terms", "{\"term\":\"" + bad + "\"}");
			assertThat(refused.status()).as(bad).isEqualTo(422);
			assertThat(refused.errorFields()).containsExactly("term");
		}
		assertThat(admin.delete("/api/v1/insight/terms/和平里社区").status()).as("names of units stay").isEqualTo(404);
		assertThat(admin.delete("/api/v1/insight/terms/五矿万境").status()).isEqualTo(204);
		assertThat(admin.delete("/api/v1/insight/terms/五矿万境").status()).isEqualTo(404);
		assertThat(words("五矿万境小区停车难")).doesNotContain("五矿万境");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'DICTIONARY_TERM_ADDED'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Autowired
	CaseIndex index;

	@Autowired
	IndexMaintenance maintenance;

	@Autowired
	org.yixian.casework.CaseTexts texts;

	@Test
	void a_saved_index_records_the_newest_timeline_entry_and_a_start_catches_up_from_there() {
		this.index.commit();
		long saved = Long.parseLong(this.index.committedData().get(CaseIndex.EVENT_ID));
		assertThat(saved).isEqualTo(this.texts.latestEventId());
		IndexMaintenance.Plan plan = this.maintenance.plan();
		assertThat(plan.rebuild()).isFalse();
		assertThat(plan.since()).isEqualTo(Math.max(0, saved - IndexMaintenance.WATERMARK_MARGIN));
		assertThat(plan.work()).as("entries above the watermark, not above the margin").isZero();
		assertThat(plan.large()).isFalse();
		assertThat(this.maintenance.bringUpToDate(plan)).startsWith("up to date");

		// while a start's work runs, commits keep the watermark it began from
		this.index.hold(7L);
		this.index.commit();
		assertThat(this.index.committedData().get(CaseIndex.EVENT_ID)).isEqualTo("7");
		this.index.release();
		this.index.commit();
		assertThat(this.index.committedData().get(CaseIndex.EVENT_ID))
			.isEqualTo(Long.toString(this.texts.latestEventId()));

		assertThat(new IndexMaintenance.Plan(false, IndexMaintenance.LARGE, saved).large()).isTrue();
		assertThat(new IndexMaintenance.Plan(true, 10, null).large()).as("a small rebuild runs at start").isFalse();
	}

	@Test
	void the_index_is_rebuilt_from_postgresql_on_demand_and_holds_every_case() {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		new InsightCases(Api.basic(this.port, "operator", Demo.PASSWORD)).demand("重建索引测试", "小区门口的路灯坏了", "0103",
				"DC-HP-01", null);
		assertThat(Api.basic(this.port, "analyst", Demo.PASSWORD).post("/api/v1/insight/index/rebuild", "").status())
			.isEqualTo(403);
		assertThat(admin.post("/api/v1/insight/index/rebuild", "").status()).isEqualTo(202);
		long cases = this.jdbc.sql("select count(*) from cases").query(Long.class).single();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode index = admin.get("/api/v1/insight/index").json();
			assertThat(index.path("rebuilding").isEmpty()).isTrue();
			assertThat(index.path("documents").asLong()).isGreaterThanOrEqualTo(cases);
		});
		assertThat(admin.get("/api/v1/insight/index").json().path("bytes").asLong()).isPositive();
	}

	@Autowired
	IndexedTextCandidates candidates;

	@Test
	void the_index_offers_every_case_that_may_contain_a_text_and_nothing_while_it_cannot_be_relied_on() {
		String tag = han(6);
		long id = new InsightCases(Api.basic(this.port, "operator", Demo.PASSWORD)).demand("路灯不亮",
				"东门" + tag + "路灯不亮已经一周", "0103", "DC-HP-01", null);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ids(tag)).contains(id));
		assertThat(ids("东门" + tag + "路灯")).contains(id);
		assertThat(ids(tag.substring(2, 4))).contains(id);
		assertThat(ids(tag + " 一周")).as("every run of two characters or more").contains(id);
		assertThat(ids(tag + "东门")).as("the characters in the order typed").doesNotContain(id);
		assertThat(ids(new StringBuilder(tag).reverse().toString())).doesNotContain(id);
		assertThat(this.candidates.containing("ab 12", 100)).as("no run of two Chinese or three Latin characters")
			.isEmpty();
		assertThat(this.candidates.containing("灯 亮", 100)).as("single characters only").isEmpty();
		assertThat(this.candidates.containing(tag, 0)).as("more matches than the limit").isEmpty();
		assertThat(this.candidates.containing(tag, 10).orElseThrow().seenThroughEventId())
			.isLessThanOrEqualTo(this.texts.latestEventId());
		this.index.trust(false);
		try {
			assertThat(this.candidates.containing(tag, 10)).as("not known to be of this database").isEmpty();
		}
		finally {
			this.maintenance.trustIfCurrent();
		}
		assertThat(ids(tag)).contains(id);
	}

	@Test
	void while_the_index_is_rebuilt_text_candidates_come_from_the_last_complete_view() {
		String tag = han(6);
		long id = new InsightCases(Api.basic(this.port, "operator", Demo.PASSWORD)).demand("垃圾满溢",
				"南门" + tag + "垃圾桶满溢无人清运", "0103", "DC-HP-01", null);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ids(tag)).contains(id));
		// a rebuild has emptied the writer and not yet finished
		this.index.startBulk();
		try {
			assertThat(this.index.size()).as("searchers keep the last view").isPositive();
			assertThat(ids(tag)).contains(id);
		}
		finally {
			this.maintenance.rebuild();
		}
		assertThat(ids(tag)).contains(id);
		assertThat(this.candidates.containing(tag, 10)).isPresent();
	}

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Test
	void cases_changed_while_cluster_signals_were_lost_are_indexed_again() {
		String tag = han(6);
		long id = new InsightCases(Api.basic(this.port, "operator", Demo.PASSWORD)).demand("井盖缺失",
				"西门" + tag + "井盖缺失很危险", "0103", "DC-HP-01", null);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ids(tag)).contains(id));
		// as if another node's signal for this case had been lost: the index holds an
		// older text
		org.yixian.casework.CaseTexts.CaseText c = this.texts.textOf(id).orElseThrow();
		this.index.put(new org.yixian.casework.CaseTexts.CaseText(c.id(), c.number(), c.kind(), c.status(), "旧标题",
				"旧内容", c.categoryCode(), c.areaUnitCode(), c.areaPath(), c.address(), c.receivedAt(), c.accusedUnitId(),
				c.callerHash(), c.parentCaseId(), c.assignedUnitCode(), c.visitResolved(), c.visitSatisfaction(),
				c.reach()));
		assertThat(ids(tag)).doesNotContain(id);
		this.events.publishEvent(new org.yixian.shared.ClusterSignal(org.yixian.shared.ClusterSignal.RESYNC,
				Long.toString(System.currentTimeMillis()), true));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ids(tag)).contains(id));

		// lost before any mark this node remembers: rebuilt, not queued case by case
		this.index.put(new org.yixian.casework.CaseTexts.CaseText(c.id(), c.number(), c.kind(), c.status(), "旧标题",
				"旧内容", c.categoryCode(), c.areaUnitCode(), c.areaPath(), c.address(), c.receivedAt(), c.accusedUnitId(),
				c.callerHash(), c.parentCaseId(), c.assignedUnitCode(), c.visitResolved(), c.visitSatisfaction(),
				c.reach()));
		this.events.publishEvent(new org.yixian.shared.ClusterSignal(org.yixian.shared.ClusterSignal.RESYNC,
				Long.toString(1_000), true));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.maintenance.progress()).isNull();
			assertThat(this.candidates.containing(tag, 1000)).as("trusted again").isPresent();
			assertThat(ids(tag)).contains(id);
		});
	}

	private java.util.List<Long> ids(String text) {
		return java.util.Arrays.stream(this.candidates.containing(text, 1000).orElseThrow().caseIds()).boxed().toList();
	}

	private static String han(int length) {
		StringBuilder text = new StringBuilder();
		java.util.Random random = new java.util.Random();
		for (int i = 0; i < length; i++) {
			text.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
		}
		return text.toString();
	}

	private java.util.List<String> words(String text) {
		return this.dictionary.segmenter().words(text).stream().map(Segmenter.Word::text).toList();
	}

}
