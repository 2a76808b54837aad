package org.yixian.casework;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What integrity checks read of the case core without a person's scope: a case's timeline
 * with recorded times and back-dating, its current demand type, and the verification of
 * each case's hash chain (both hash formats) naming the first broken link. Callers apply
 * scope and the confidentiality policy to whatever they show.
 */
@Service
public class CaseChains {

	private final JdbcClient jdbc;

	private final Timeline timeline;

	CaseChains(JdbcClient jdbc, Timeline timeline) {
		this.jdbc = jdbc;
		this.timeline = timeline;
	}

	@Transactional(readOnly = true)
	public List<TimelineEntry> entries(long caseId) {
		return this.timeline.entries(caseId);
	}

	/**
	 * Re-computes a case's chain: how many entries it has and its first broken link.
	 */
	@Transactional(readOnly = true)
	public Check check(long caseId) {
		return this.timeline.check(caseId);
	}

	/**
	 * The next cases after an id, in id order: how a verification walks every case.
	 */
	@Transactional(readOnly = true)
	public List<CaseRef> casesAfter(long afterId, int limit) {
		return this.jdbc.sql("select id, number from cases where id > ? order by id limit ?")
			.params(afterId, limit)
			.query((rs, n) -> new CaseRef(rs.getLong("id"), rs.getString("number")))
			.list();
	}

	@Transactional(readOnly = true)
	public long caseCount() {
		return this.jdbc.sql("select count(*) from cases").query(Long.class).single();
	}

	/**
	 * The demand type a case carries now (null for petitions), whatever it was registered
	 * as.
	 */
	@Transactional(readOnly = true)
	public Optional<String> currentType(long caseId) {
		return this.jdbc.sql("select type from cases where id = ?")
			.param(caseId)
			.query((rs, n) -> Optional.ofNullable(rs.getString("type")))
			.optional()
			.flatMap((t) -> t);
	}

	/**
	 * Of the given cases, those whose type is now the given one (one query for a batch:
	 * the integrity scan looks for complaints recoded as consultations).
	 */
	@Transactional(readOnly = true)
	public java.util.List<Long> withType(java.util.Collection<Long> caseIds, String type) {
		if (caseIds.isEmpty()) {
			return java.util.List.of();
		}
		return this.jdbc.sql("select id from cases where id = any(?) and type = ? order by id")
			.params(caseIds.toArray(Long[]::new), type)
			.query(Long.class)
			.list();
	}

	/**
	 * The outcome of re-computing one case's chain.
	 *
	 * @param firstBreak the first entry that does not match, or null when intact
	 */
	public record Check(int entries, Break firstBreak) {

		public boolean intact() {
			return this.firstBreak == null;
		}

	}

	/**
	 * A case by id and number.
	 */
	public record CaseRef(long id, String number) {
	}

	/**
	 * The first entry of a case's chain that does not match: {@code what} is
	 * {@link #LINK} when its stored predecessor hash is not the previous entry's hash,
	 * {@link #CONTENT} when its content no longer hashes to the stored hash.
	 *
	 * @param sequence the entry's 1-based position in the case's history
	 */
	public record Break(long caseId, long entryId, int sequence, String action, String what, String expected,
			String found) {

		public static final String LINK = "LINK";

		public static final String CONTENT = "CONTENT";

	}

}
