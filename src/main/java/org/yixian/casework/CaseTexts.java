package org.yixian.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.shared.Hashes;

/**
 * A case's words and the facts that tell whether two cases are about the same matter, for
 * modules that analyse text (insight's index): what events do not carry. The caller is a
 * hash, never a phone number or ID number; {@code reach} lists the unit paths through
 * which someone may see the case (its area and every unit that works or worked on it), so
 * that an index can narrow a search to a scope before the confidentiality policy and
 * {@link CaseQueries#canSee} decide on each hit.
 */
@Service
public class CaseTexts {

	private static final String SELECT = """
			select c.id, c.number, c.kind, c.status, c.title, c.content, cat.code as category_code, a.code as area_code,
			       a.path as area_path, c.address, c.received_at, c.accused_unit_id, c.complainant_phone,
			       c.complainant_id_number, c.parent_case_id, au.code as assigned_code, c.visit_resolved,
			       c.visit_satisfaction,
			       array(select u.path from case_units t join units u on u.id = t.unit_id where t.case_id = c.id
			             and (t.state <> 'WITHDRAWN' or t.returns > 0 or t.note is not null)) as reach
			from cases c join units a on a.id = c.area_unit_id left join categories cat on cat.id = c.category_id
			left join units au on au.id = c.assigned_unit_id""";

	private final JdbcClient jdbc;

	CaseTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<CaseText> textOf(long id) {
		return this.jdbc.sql(SELECT + " where c.id = ?").param(id).query(CaseTexts::row).optional();
	}

	/**
	 * The next cases after an id, in id order: how an index is rebuilt.
	 */
	@Transactional(readOnly = true)
	public List<CaseText> after(long afterId, int limit) {
		return this.jdbc.sql(SELECT + " where c.id > ? order by c.id limit ?")
			.params(afterId, limit)
			.query(CaseTexts::row)
			.list();
	}

	/**
	 * The newest cases that carry a category and were not merged into another: what a
	 * category model learns from.
	 */
	@Transactional(readOnly = true)
	public List<CaseText> labelled(int limit) {
		return this.jdbc
			.sql(SELECT + " where c.category_id is not null and c.parent_case_id is null order by c.id desc limit ?")
			.param(limit)
			.query(CaseTexts::row)
			.list();
	}

	/**
	 * Open cases and cases received since a time, not merged into another and naming no
	 * unit complained about (whose words must not surface in analyses others read): what
	 * problem classes are clustered from, newest first.
	 */
	@Transactional(readOnly = true)
	public List<CaseText> openOrSince(OffsetDateTime since, int limit) {
		return this.jdbc.sql(SELECT + " where c.parent_case_id is null and c.accused_unit_id is null"
				+ " and (c.received_at >= ? or c.status not in ('CLOSED', 'MERGED', 'ARCHIVED', 'FINAL', 'NOT_ACCEPTED'))"
				+ " order by c.received_at desc limit ?")
			.params(since, limit)
			.query(CaseTexts::row)
			.list();
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.jdbc.sql("select count(*) from cases").query(Long.class).single();
	}

	/**
	 * The newest timeline entry's id: a watermark an index can save with its commit.
	 */
	public long latestEventId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from case_events").query(Long.class).single();
	}

	/**
	 * How many timeline entries have an id above a watermark, counted up to a cap (a
	 * range of the primary key, however large the history).
	 */
	public long eventsAfter(long eventId, long cap) {
		return this.jdbc.sql("select count(*) from (select 1 from case_events where id > ? limit ?) e")
			.params(eventId, cap)
			.query(Long.class)
			.single();
	}

	/**
	 * The cases with a timeline entry above a watermark.
	 */
	public List<Long> changedAfterEvent(long eventId) {
		return this.jdbc.sql("select distinct case_id from case_events where id > ? order by case_id")
			.param(eventId)
			.query(Long.class)
			.list();
	}

	/**
	 * Who called, as a hash: of the ID number where there is one, else of the phone.
	 */
	public static String callerHash(String idNumber, String phone) {
		if (idNumber != null && !idNumber.isBlank()) {
			return Hashes.sha256Hex("id:" + idNumber.strip().toUpperCase(Locale.ROOT));
		}
		return (phone != null && !phone.isBlank()) ? Hashes.sha256Hex("phone:" + phone.strip()) : null;
	}

	private static CaseText row(ResultSet rs, int n) throws SQLException {
		String caller = callerHash(rs.getString("complainant_id_number"), rs.getString("complainant_phone"));
		List<String> reach = new ArrayList<>();
		reach.add(rs.getString("area_path"));
		Array paths = rs.getArray("reach");
		if (paths != null) {
			reach.addAll(Arrays.asList((String[]) paths.getArray()));
		}
		return new CaseText(rs.getLong("id"), rs.getString("number"), CaseKind.valueOf(rs.getString("kind")),
				CaseStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("content"),
				rs.getString("category_code"), rs.getString("area_code"), rs.getString("area_path"),
				rs.getString("address"), rs.getObject("received_at", OffsetDateTime.class),
				rs.getObject("accused_unit_id", Long.class), caller, rs.getObject("parent_case_id", Long.class),
				rs.getString("assigned_code"), rs.getString("visit_resolved"), rs.getString("visit_satisfaction"),
				List.copyOf(reach));
	}

	/**
	 * What text analysis needs of a case.
	 */
	public record CaseText(long id, String number, CaseKind kind, CaseStatus status, String title, String content,
			String categoryCode, String areaUnitCode, String areaPath, String address, OffsetDateTime receivedAt,
			Long accusedUnitId, String callerHash, Long parentCaseId, String assignedUnitCode, String visitResolved,
			String visitSatisfaction, List<String> reach) {
	}

}
