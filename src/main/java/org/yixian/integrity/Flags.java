package org.yixian.integrity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.casework.Confidentiality;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.Hashes;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * The flags: raised by the detectors (one open flag per key — a case and kind, or a unit,
 * kind, pattern and period — whose evidence is kept current; a reviewed flag is raised
 * again only on different evidence), listed within a person's unit subtree and never to a
 * unit complained about in any case the evidence names, and reviewed (confirmed or
 * dismissed with a note, written to the operation log).
 */
@Service
public class Flags {

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

	private static final String COLUMNS = """
			id, kind, status, case_id, case_number, unit_code, period, summary, evidence::text as evidence, detected_at,
			updated_at, reviewed_by, reviewed_at, review_note""";

	private final JdbcClient jdbc;

	private final Units units;

	private final AuditLog audit;

	private final Clock clock;

	Flags(JdbcClient jdbc, Units units, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Raises a flag, or brings the open flag of the same key up to date.
	 * @return true when a new flag was opened
	 */
	@Transactional
	public boolean raise(NewFlag flag) {
		String evidence = JSON.writeValueAsString(new TreeMap<>(flag.evidence()));
		String fingerprint = Hashes.sha256Hex(flag.kind() + "\u001f" + evidence);
		boolean reviewed = this.jdbc
			.sql("select count(*) from integrity_flags where dedup_key = ? and fingerprint = ? and status <> 'OPEN'")
			.params(flag.dedupKey(), fingerprint)
			.query(Long.class)
			.single() > 0;
		if (reviewed) {
			return false;
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Long opened = this.jdbc
			.sql("""
					insert into integrity_flags (kind, dedup_key, fingerprint, case_id, case_number, unit_code, unit_path,
					  accused_unit_ids, period, summary, evidence, detected_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
					on conflict (dedup_key) where status = 'OPEN' do update set fingerprint = excluded.fingerprint,
					  summary = excluded.summary, evidence = excluded.evidence, accused_unit_ids = excluded.accused_unit_ids,
					  updated_at = excluded.updated_at
					  where integrity_flags.fingerprint <> excluded.fingerprint
					returning (xmax = 0)::int""")
			.params(flag.kind().name(), flag.dedupKey(), fingerprint, flag.caseId(), flag.caseNumber(), flag.unitCode(),
					flag.unitPath(), flag.accusedUnitIds().toArray(Long[]::new), flag.period(), flag.summary(),
					evidence, now, now)
			.query(Long.class)
			.optional()
			.orElse(0L);
		return opened == 1L;
	}

	@Transactional(readOnly = true)
	public PageResult<Flag> list(FlagQuery query, Actor actor, Paging paging) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(
				" where unit_path like ? and not (accused_unit_ids && cast(? as bigint[]))");
		params.add(actor.scope().likePattern());
		params.add(Confidentiality.ancestry(actor));
		if (query.kind() != null) {
			where.append(" and kind = ?");
			params.add(query.kind().name());
		}
		if (query.status() != null) {
			where.append(" and status = ?");
			params.add(query.status().name());
		}
		if (query.unitCode() != null && !query.unitCode().isBlank()) {
			String path = this.units.findByCode(query.unitCode().strip())
				.orElseThrow(() -> new InvalidInputException("unit", "integrity.unknownUnit"))
				.path();
			where.append(" and unit_path like ?");
			params.add(path + "%");
		}
		long total = this.jdbc.sql("select count(*) from integrity_flags" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<Flag> items = this.jdbc
			.sql("select " + COLUMNS + " from integrity_flags" + where
					+ " order by (status = 'OPEN') desc, detected_at desc, id desc limit ? offset ?")
			.params(pageParams)
			.query(Flags::row)
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/**
	 * One flag, if the person may see it (else not found: a unit complained about does
	 * not learn that it exists).
	 */
	@Transactional(readOnly = true)
	public Flag get(long id, Actor actor) {
		return this.jdbc
			.sql("select " + COLUMNS + " from integrity_flags where id = ? and unit_path like ?"
					+ " and not (accused_unit_ids && cast(? as bigint[]))")
			.params(id, actor.scope().likePattern(), Confidentiality.ancestry(actor))
			.query(Flags::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("flag " + id));
	}

	/**
	 * A supervisor's decision on an open flag.
	 */
	@Transactional
	public Flag review(long id, FlagStatus decision, String note, Actor actor) {
		if (decision == null || decision == FlagStatus.OPEN) {
			throw new InvalidInputException("decision", "integrity.decision");
		}
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note", "NotBlank");
		}
		if (note.length() > 2000) {
			throw new InvalidInputException("note", "Size");
		}
		Flag flag = get(id, actor);
		if (actor.unitCode().equals(flag.unitCode())) {
			// a unit does not clear the flags raised on itself: a unit above it reviews
			// them
			throw new org.yixian.shared.ForbiddenException("integrity.ownUnit");
		}
		int updated = this.jdbc.sql("""
				update integrity_flags set status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
				where id = ? and status = 'OPEN'""")
			.params(decision.name(), actor.getUsername(), OffsetDateTime.now(this.clock), note.strip(), id)
			.update();
		if (updated == 0) {
			throw new ConflictException("ALREADY_REVIEWED", "integrity.alreadyReviewed");
		}
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "FLAG_" + decision.name(),
				"integrity-flag", Long.toString(id), flag.kind() + " " + note.strip(), null));
		return get(id, actor);
	}

	private static Flag row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Flag(rs.getLong("id"), FlagKind.valueOf(rs.getString("kind")),
				FlagStatus.valueOf(rs.getString("status")), rs.getObject("case_id", Long.class),
				rs.getString("case_number"), rs.getString("unit_code"), rs.getString("period"), rs.getString("summary"),
				JSON.readValue(rs.getString("evidence"), new TypeReference<Map<String, Object>>() {
				}), rs.getObject("detected_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class),
				rs.getString("review_note"));
	}

	/**
	 * A flag as the detectors raise it.
	 *
	 * @param dedupKey one open flag per key
	 * @param unitPath the unit concerned: whose subtree's supervisors see the flag
	 * @param accusedUnitIds units complained about in the cases the evidence names
	 */
	public record NewFlag(FlagKind kind, String dedupKey, Long caseId, String caseNumber, String unitCode,
			String unitPath, List<Long> accusedUnitIds, String period, String summary, Map<String, Object> evidence) {
	}

	/**
	 * A stored flag.
	 */
	public record Flag(long id, FlagKind kind, FlagStatus status, Long caseId, String caseNumber, String unitCode,
			String period, String summary, Map<String, Object> evidence, OffsetDateTime detectedAt,
			OffsetDateTime updatedAt, String reviewedBy, OffsetDateTime reviewedAt, String reviewNote) {
	}

	/**
	 * Filters of the flag list; every part may be null.
	 */
	public record FlagQuery(FlagKind kind, String unitCode, FlagStatus status) {
	}

}
