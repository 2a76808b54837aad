package org.yixian.casework;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.ReadReplica;

/**
 * The lists' text filter {@code q}: the cases worth checking for the typed text (from the
 * insight module's index when it can tell), and the time limit of every statement a text
 * search runs ({@code yixian.lists.text-search-timeout}, 3 s), whose end is the caller's
 * to narrow.
 */
@Component
class TextFilter {

	/**
	 * Up to how many cases a text filter takes from the index as candidates (and cases
	 * changed since the index's watermark); beyond that the text is common enough for the
	 * database to find its matches by reading.
	 */
	static final int TEXT_CANDIDATES = 50_000;

	private final JdbcClient jdbc;

	private final ObjectProvider<TextCandidates> index;

	TextFilter(ReadReplica replica, ObjectProvider<TextCandidates> index,
			@Value("${yixian.lists.text-search-timeout:3s}") Duration timeout) {
		this.jdbc = replica.jdbc(timeout);
		this.index = index;
	}

	/**
	 * The lists' client with the time limit (the replica when one is configured).
	 */
	JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * A text search stopped by its time limit (a text that matches little, read case by
	 * case over a whole city's history) is the caller's to narrow: 422 naming {@code q}.
	 */
	static RuntimeException stopped(DataAccessException ex, String typed) {
		return ReadReplica.cancelled(ex) ? new InvalidInputException("q", "cases.searchTooBroad", typed.strip()) : ex;
	}

	/**
	 * The cases that may contain the typed text: the index's candidates, the cases
	 * changed since its watermark, and the case with that number; only the case with that
	 * number when the text is one; null when the index cannot tell (the database then
	 * reads, within the text search's time limit).
	 */
	Long[] candidates(String typed) {
		try {
			return find(typed);
		}
		catch (DataAccessException ex) {
			throw stopped(ex, typed);
		}
	}

	private Long[] find(String typed) {
		Long numbered = this.jdbc.sql("select id from cases where number = ?")
			.param(typed.toUpperCase(Locale.ROOT))
			.query(Long.class)
			.optional()
			.orElse(null);
		TextCandidates finder = this.index.getIfAvailable();
		Optional<TextCandidates.Candidates> found = (finder != null) ? finder.containing(typed, TEXT_CANDIDATES)
				: Optional.empty();
		if (found.isEmpty()) {
			// a case's number finds that case, without reading every text for it
			return (numbered != null) ? new Long[] { numbered } : null;
		}
		List<Long> changed = this.jdbc.sql("select distinct case_id from case_events where id > ? limit ?")
			.params(found.get().seenThroughEventId(), TEXT_CANDIDATES + 1)
			.query(Long.class)
			.list();
		if (changed.size() > TEXT_CANDIDATES) {
			return null;
		}
		Set<Long> all = new HashSet<>(changed);
		for (long id : found.get().caseIds()) {
			all.add(id);
		}
		if (numbered != null) {
			all.add(numbered);
		}
		return all.toArray(Long[]::new);
	}

}
