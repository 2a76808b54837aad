package org.yixian.integrity;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return-visit patterns on months of recorded visits laid down in integrity's own
 * tables (as its listener keeps them): each fires on a month that shows it and stays
 * silent on a month of ordinary visits, and scanning again opens nothing new.
 */
@SpringBootTest
class VisitPatternTests {

	private static final AtomicLong CASE_IDS = new AtomicLong(9_000_000_000L + (System.nanoTime() % 1_000_000) * 100);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IntegrityScan scan;

	@BeforeEach
	void clean() {
		this.jdbc.sql("delete from integrity_flags where period like '2019-%'").update();
		this.jdbc.sql("delete from integrity_visits where recorded_at < '2020-01-01'").update();
	}

	@Test
	void one_phone_answering_the_visits_of_five_cases_is_flagged_and_four_are_not() {
		OffsetDateTime t = at(2019, 3);
		for (int i = 0; i < 5; i++) {
			visit(t.plusDays(i), "op" + i, "DC-JS", "SATISFIED", "phoneaaaaaaaaaaaaaaaa", false);
		}
		OffsetDateTime clean = at(2019, 4);
		for (int i = 0; i < 4; i++) {
			visit(clean.plusDays(i), "op" + i, "DC-JS", "SATISFIED", "phonebbbbbbbbbbbbbbbb", false);
		}
		assertThat(this.scan.scanVisits(YearMonth.of(2019, 3))).isEqualTo(1);
		assertThat(this.scan.scanVisits(YearMonth.of(2019, 4))).isZero();
		Map<String, Object> flag = flag("VISIT_ONE_PHONE", "2019-03");
		assertThat(flag.get("unit_code")).isEqualTo("DC-JS");
		assertThat((String) flag.get("evidence")).contains("\"caseCount\": 5", "\"phoneHash\": \"phoneaaaaaaa\"");
		assertThat(kinds("2019-04")).isEmpty();
		assertThat(this.scan.scanVisits(YearMonth.of(2019, 3))).as("one open flag per phone and month").isZero();
	}

	@Test
	void a_unit_at_full_satisfaction_whose_callers_come_back_is_flagged_and_one_with_a_dissatisfied_caller_is_not() {
		OffsetDateTime t = at(2019, 5);
		for (int i = 0; i < 10; i++) {
			visit(t.plusHours(i * 5), "op" + i, "DC-DF", "SATISFIED", "caller-5-" + i + "-xxxxxxxx", i < 3);
		}
		OffsetDateTime clean = at(2019, 6);
		for (int i = 0; i < 10; i++) {
			visit(clean.plusHours(i * 5), "op" + i, "DC-DF", (i == 0) ? "UNSATISFIED" : "SATISFIED",
					"caller-6-" + i + "-xxxxxxxx", i < 3);
		}
		assertThat(this.scan.scanVisits(YearMonth.of(2019, 5))).isEqualTo(1);
		assertThat(this.scan.scanVisits(YearMonth.of(2019, 6))).isZero();
		Map<String, Object> flag = flag("VISIT_ALL_SATISFIED", "2019-05");
		assertThat(flag.get("unit_code")).isEqualTo("DC-DF");
		assertThat((String) flag.get("evidence")).contains("\"repeatCount\": 3", "\"visits\": 10");
	}

	@Test
	void eight_visits_recorded_by_one_person_within_minutes_are_flagged_and_eight_over_a_day_are_not() {
		OffsetDateTime t = at(2019, 7);
		for (int i = 0; i < 8; i++) {
			visit(t.plusSeconds(50L * i), "burster", "DC-HP", "SATISFIED", "caller-7-" + i + "-xxxxxxxx", false);
		}
		OffsetDateTime clean = at(2019, 8);
		for (int i = 0; i < 8; i++) {
			visit(clean.plusMinutes(40L * i), "steady", "DC-HP", "SATISFIED", "caller-8-" + i + "-xxxxxxxx", false);
		}
		assertThat(this.scan.scanVisits(YearMonth.of(2019, 7))).isEqualTo(1);
		assertThat(this.scan.scanVisits(YearMonth.of(2019, 8))).isZero();
		Map<String, Object> flag = flag("VISIT_BURST", "2019-07-01");
		assertThat(flag.get("unit_code")).isEqualTo("DC");
		assertThat((String) flag.get("evidence")).contains("\"actor\": \"burster\"", "\"visits\": 8",
				"\"seconds\": 350");
	}

	@Test
	void eight_online_ratings_from_one_browser_within_minutes_are_flagged_and_from_eight_browsers_are_not() {
		OffsetDateTime t = at(2019, 9);
		for (int i = 0; i < 8; i++) {
			visit(t.plusSeconds(40L * i), "@citizen:0123456789abcdef", "DC-HP", "SATISFIED",
					"caller-9-" + i + "-xxxxxxxx", false);
		}
		OffsetDateTime many = at(2019, 10);
		for (int i = 0; i < 8; i++) {
			visit(many.plusSeconds(40L * i), "@citizen:" + "fedcba987654321" + i, "DC-HP", "SATISFIED",
					"caller-10-" + i + "-xxxxxxxx", false);
		}
		assertThat(this.scan.scanVisits(YearMonth.of(2019, 9))).isEqualTo(1);
		assertThat(this.scan.scanVisits(YearMonth.of(2019, 10))).isZero();
		assertThat((String) flag("VISIT_BURST", "2019-09-01").get("evidence"))
			.contains("\"actor\": \"@citizen:0123456789abcdef\"", "\"visits\": 8");
	}

	private Map<String, Object> flag(String kind, String period) {
		List<Map<String, Object>> rows = this.jdbc
			.sql("select unit_code, evidence::text as evidence from integrity_flags where kind = ? and period = ?")
			.params(kind, period)
			.query()
			.listOfRows();
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private List<String> kinds(String period) {
		return this.jdbc.sql("select kind from integrity_flags where period like ?")
			.param(period + "%")
			.query(String.class)
			.list();
	}

	/**
	 * A visit of a case of its own; a repeat caller also has an earlier case.
	 */
	private void visit(OffsetDateTime recordedAt, String actor, String unit, String satisfaction, String caller,
			boolean repeat) {
		long caseId = CASE_IDS.incrementAndGet();
		this.jdbc
			.sql("""
					insert into integrity_case_facts (case_id, number, registered_type, area_unit_code, caller_hash, registered_at)
					values (?, ?, 'COMPLAINT', 'DC-HP-01', ?, ?)""")
			.params(caseId, "T" + caseId, caller, recordedAt.minusDays(3))
			.update();
		if (repeat) {
			long earlier = CASE_IDS.incrementAndGet();
			this.jdbc
				.sql("""
						insert into integrity_case_facts (case_id, number, registered_type, area_unit_code, caller_hash, registered_at)
						values (?, ?, 'COMPLAINT', 'DC-HP-01', ?, ?)""")
				.params(earlier, "T" + earlier, caller, recordedAt.minusDays(20))
				.update();
		}
		this.jdbc.sql("""
				insert into integrity_visits (case_id, case_number, at, recorded_at, actor, actor_unit_code, unit_code,
				  satisfaction, caller_hash)
				values (?, ?, ?, ?, ?, 'DC', ?, ?, ?)""")
			.params(caseId, "T" + caseId, recordedAt, recordedAt, actor, unit, satisfaction, caller)
			.update();
	}

	private static OffsetDateTime at(int year, int month) {
		return OffsetDateTime.of(year, month, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
	}

}
