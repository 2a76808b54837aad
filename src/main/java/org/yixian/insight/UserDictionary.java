package org.yixian.insight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Scope;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.ClusterSignals;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * The user dictionary ({@code insight_terms}): the names of this installation's units and
 * categories, copied in when the application starts and on demand, and the terms that
 * administrators add (street and estate names, local words). The segmenter built from it
 * is kept in memory and dropped when a term changes.
 */
@Component
class UserDictionary {

	static final int MIN_LENGTH = 2;

	private final JdbcClient jdbc;

	private final Units units;

	private final Categories categories;

	private final AuditLog audit;

	private final Clock clock;

	private volatile Segmenter segmenter;

	private final ClusterSignals.Invalidation invalidation;

	UserDictionary(JdbcClient jdbc, Units units, Categories categories, AuditLog audit, Clock clock,
			ClusterSignals signals) {
		this.jdbc = jdbc;
		this.units = units;
		this.categories = categories;
		this.audit = audit;
		this.clock = clock;
		this.invalidation = signals.invalidation("insight-dictionary", () -> this.segmenter = null);
	}

	Segmenter segmenter() {
		Segmenter current = this.segmenter;
		if (current == null) {
			current = new Segmenter(
					new TermDictionary(this.jdbc.sql("select term from insight_terms").query(String.class).list()));
			this.segmenter = current;
		}
		return current;
	}

	/**
	 * Copies the names of units and categories in.
	 * @return how many terms were new
	 */
	@Transactional
	int syncInstallationNames() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		int added = 0;
		for (Unit unit : this.units.tree(new Scope("/"))) {
			added += insert(unit.name(), "UNIT", null, now);
		}
		for (Category category : this.categories.all()) {
			added += insert(category.name(), "CATEGORY", null, now);
		}
		if (added > 0) {
			changed();
		}
		return added;
	}

	private int insert(String term, String kind, String by, OffsetDateTime now) {
		String normal = TextNormalizer.normalize(term);
		if (normal.length() < MIN_LENGTH || normal.length() > TermDictionary.MAX_LENGTH) {
			return 0;
		}
		return this.jdbc.sql(
				"insert into insight_terms (term, kind, added_by, added_at) values (?, ?, ?, ?) on conflict do nothing")
			.params(normal, kind, by, now)
			.update();
	}

	@Transactional(readOnly = true)
	List<Term> list(String kind) {
		List<Object> params = new ArrayList<>();
		String where = "";
		if (kind != null && !kind.isBlank()) {
			where = " where kind = ?";
			params.add(kind);
		}
		return this.jdbc
			.sql("select term, kind, added_by, added_at from insight_terms" + where + " order by kind, term")
			.params(params)
			.query((rs, n) -> new Term(rs.getString("term"), rs.getString("kind"), rs.getString("added_by"),
					rs.getObject("added_at", OffsetDateTime.class)))
			.list();
	}

	@Transactional
	Term add(String term, Actor actor) {
		String normal = TextNormalizer.normalize(term);
		if (normal.isEmpty()) {
			throw new InvalidInputException("term", "NotBlank");
		}
		if (normal.length() < MIN_LENGTH || normal.length() > TermDictionary.MAX_LENGTH) {
			throw new InvalidInputException("term", "insight.term.size", MIN_LENGTH, TermDictionary.MAX_LENGTH);
		}
		if (!normal.chars().allMatch((c) -> TextNormalizer.isWordChar((char) c))) {
			throw new InvalidInputException("term", "insight.term.wordCharactersOnly");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		insert(normal, "CUSTOM", actor.getUsername(), now);
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "DICTIONARY_TERM_ADDED", "term", normal,
				null, null));
		changed();
		return this.jdbc.sql("select term, kind, added_by, added_at from insight_terms where term = ?")
			.param(normal)
			.query((rs, n) -> new Term(rs.getString("term"), rs.getString("kind"), rs.getString("added_by"),
					rs.getObject("added_at", OffsetDateTime.class)))
			.single();
	}

	/**
	 * Removes a term an administrator added; names of units and categories come back with
	 * the next synchronisation, so they are not removed here.
	 */
	@Transactional
	void remove(String term, Actor actor) {
		String normal = TextNormalizer.normalize(term);
		if (this.jdbc.sql("delete from insight_terms where term = ? and kind = 'CUSTOM'").param(normal).update() == 0) {
			throw new NotFoundException("term " + normal);
		}
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "DICTIONARY_TERM_REMOVED", "term",
				normal, null, null));
		changed();
	}

	private void changed() {
		this.invalidation.changed();
	}

	/**
	 * A dictionary entry.
	 */
	record Term(String term, String kind, String addedBy, OffsetDateTime addedAt) {
	}

}
