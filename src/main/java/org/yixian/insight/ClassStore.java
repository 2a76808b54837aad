package org.yixian.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseTexts;

/**
 * Problem classes and their member cases in PostgreSQL.
 */
@Component
class ClassStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	ClassStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long create(String title, String description, List<String> terms, String category, String area,
			Map<String, Double> centroid, LocalDate lastDay) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.jdbc.sql("""
				insert into insight_classes (title, generated_title, description, terms, category_code, area_unit_code,
				  centroid, last_day, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id""")
			.params(title, title, description, terms.toArray(String[]::new), category, area,
					JSON.writeValueAsString(centroid), lastDay, now, now)
			.query(Long.class)
			.single();
	}

	void updateCentroid(long id, Map<String, Double> centroid, List<String> terms, LocalDate lastDay) {
		this.jdbc
			.sql("""
					update insight_classes set centroid = ?::jsonb, terms = ?, last_day = greatest(last_day, ?), updated_at = ?
					where id = ?""")
			.params(JSON.writeValueAsString(centroid), terms.toArray(String[]::new), lastDay,
					OffsetDateTime.now(this.clock), id)
			.update();
	}

	/**
	 * Adds a case to a class (or moves it there).
	 */
	void join(long classId, CaseTexts.CaseText text, String street, String joinedBy) {
		this.jdbc
			.sql("""
					insert into insight_class_cases (case_id, class_id, number, title, received_at, area_unit_code, area_path,
					  street_unit_code, category_code, caller_hash, assigned_unit_code, satisfaction, joined_at, joined_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (case_id) do update set class_id = excluded.class_id, joined_by = excluded.joined_by,
					  joined_at = excluded.joined_at""")
			.params(text.id(), classId, text.number(), text.title(), text.receivedAt(), text.areaUnitCode(),
					text.areaPath(), street, text.categoryCode(), text.callerHash(), text.assignedUnitCode(),
					text.visitSatisfaction(), OffsetDateTime.now(this.clock), joinedBy)
			.update();
		this.jdbc.sql("""
				update insight_classes set members = (select count(*) from insight_class_cases where class_id = ?),
				  last_day = greatest(last_day, ?::date) where id = ?""")
			.params(classId, text.receivedAt().toLocalDate(), classId)
			.update();
	}

	void recount(long classId) {
		this.jdbc
			.sql("update insight_classes set members = (select count(*) from insight_class_cases where class_id = ?),"
					+ " updated_at = ?, version = version + 1 where id = ?")
			.params(classId, OffsetDateTime.now(this.clock), classId)
			.update();
	}

	void satisfaction(long caseId, String satisfaction) {
		this.jdbc.sql("update insight_class_cases set satisfaction = ? where case_id = ?")
			.params(satisfaction, caseId)
			.update();
	}

	List<Long> classedCaseIds() {
		return this.jdbc.sql("select case_id from insight_class_cases").query(Long.class).list();
	}

	/**
	 * Classes still in use (not merged away), as clustering seeds.
	 */
	List<Seed> seeds() {
		return this.jdbc.sql("""
				select id, centroid::text as centroid, last_day, category_code, area_unit_code, members
				from insight_classes where status <> 'MERGED'""")
			.query((rs, n) -> new Seed(rs.getLong("id"),
					JSON.readValue(rs.getString("centroid"), new TypeReference<Map<String, Double>>() {
					}), rs.getObject("last_day", LocalDate.class), rs.getString("category_code"),
					rs.getString("area_unit_code"), rs.getInt("members")))
			.list();
	}

	Optional<ClassRow> find(long id) {
		return this.jdbc.sql("select * from insight_classes where id = ?").param(id).query((rs, n) -> {
			java.sql.Array terms = rs.getArray("terms");
			return new ClassRow(rs.getLong("id"), rs.getString("title"), rs.getString("generated_title"),
					rs.getString("description"), List.of((String[]) terms.getArray()), rs.getString("status"),
					rs.getObject("merged_into", Long.class), rs.getString("category_code"),
					rs.getString("area_unit_code"), rs.getInt("members"), rs.getInt("version"));
		}).optional();
	}

	Map<String, Double> centroid(long id) {
		return this.jdbc.sql("select centroid::text from insight_classes where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map((json) -> JSON.readValue(json, new TypeReference<Map<String, Double>>() {
			}))
			.orElseGet(HashMap::new);
	}

	/**
	 * An existing class as the clustering sees it.
	 */
	record Seed(long id, Map<String, Double> centroid, LocalDate lastDay, String category, String area, int members) {
	}

	/**
	 * A class as stored.
	 */
	record ClassRow(long id, String title, String generatedTitle, String description, List<String> terms, String status,
			Long mergedInto, String categoryCode, String areaUnitCode, int members, int version) {
	}

}
