package org.yixian.insight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.casework.CaseQueries;
import org.yixian.casework.CaseTexts;
import org.yixian.organisation.Actor;
import org.yixian.shared.ConflictException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * What analysts do with problem classes: name one (rename), confirm a proposed one, merge
 * one into another, and make a class of chosen cases (which splits them off the classes
 * they were in). Every change checks the version the analyst saw and is written to the
 * operation log.
 */
@Service
class ClassEditing {

	static final int MAX_CASES = 500;

	private final JdbcClient jdbc;

	private final ClassStore store;

	private final CaseTexts texts;

	private final CaseQueries cases;

	private final ClassVectors vectors;

	private final ProblemClasses classes;

	private final AuditLog audit;

	private final Clock clock;

	ClassEditing(JdbcClient jdbc, ClassStore store, CaseTexts texts, CaseQueries cases, ClassVectors vectors,
			ProblemClasses classes, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.texts = texts;
		this.cases = cases;
		this.vectors = vectors;
		this.classes = classes;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	ClassStore.ClassRow rename(long id, int version, String title, Actor actor) {
		String clean = (title == null) ? "" : title.strip();
		if (clean.isEmpty()) {
			throw new InvalidInputException("title", "NotBlank");
		}
		if (clean.length() > 100) {
			throw new InvalidInputException("title", "Max", 0, 100);
		}
		update(id, version, "title = ?", clean);
		log(actor, "CLASS_RENAMED", id, clean);
		return this.store.find(id).orElseThrow();
	}

	@Transactional
	ClassStore.ClassRow confirm(long id, int version, Actor actor) {
		update(id, version, "status = ?", "CONFIRMED");
		log(actor, "CLASS_CONFIRMED", id, null);
		return this.store.find(id).orElseThrow();
	}

	/**
	 * Moves every case of a class into another; the class is kept as merged.
	 */
	@Transactional
	ClassStore.ClassRow merge(long id, int version, long intoId, Actor actor) {
		ClassStore.ClassRow into = live(intoId, "intoId");
		if (into.id() == id) {
			throw new InvalidInputException("intoId", "insight.class.mergeItself");
		}
		update(id, version, "status = 'MERGED', merged_into = ?", intoId);
		this.jdbc.sql("update insight_class_cases set class_id = ?, joined_by = 'ANALYST' where class_id = ?")
			.params(intoId, id)
			.update();
		this.store.recount(intoId);
		this.store.recount(id);
		log(actor, "CLASS_MERGED", id, "into " + intoId);
		return this.store.find(intoId).orElseThrow();
	}

	/**
	 * A class of the chosen cases, each of which the analyst may open; cases in other
	 * classes leave them.
	 */
	@Transactional
	ClassStore.ClassRow create(String title, List<Long> caseIds, Actor actor) {
		if (caseIds == null || caseIds.isEmpty()) {
			throw new InvalidInputException("caseIds", "NotEmpty");
		}
		if (caseIds.size() > MAX_CASES) {
			throw new InvalidInputException("caseIds", "Max", 0, MAX_CASES);
		}
		List<CaseTexts.CaseText> members = new ArrayList<>();
		int i = 0;
		for (Long caseId : new LinkedHashSet<>(caseIds)) {
			CaseTexts.CaseText text = (caseId != null && this.cases.canSee(caseId, actor))
					? this.texts.textOf(caseId).orElse(null) : null;
			if (text == null) {
				throw new InvalidInputException("caseIds[" + i + "]", "insight.class.unknownCase");
			}
			if (text.accusedUnitId() != null) {
				throw new InvalidInputException("caseIds[" + i + "]", "insight.class.accusingCase");
			}
			members.add(text);
			i++;
		}
		Map<String, Double> sum = new HashMap<>();
		for (TermVector vector : this.vectors.of(members)) {
			vector.weights().forEach((t, w) -> sum.merge(t, w, Double::sum));
		}
		TermVector centroid = new TermVector(TermVector.top(sum, Cluster.CENTROID_TERMS)).normalised();
		List<String> terms = centroid.strongest(Cluster.CENTROID_TERMS)
			.stream()
			.filter((t) -> t.charAt(0) != '#')
			.limit(8)
			.toList();
		String name = (title == null || title.isBlank()) ? String.join("、", terms.subList(0, Math.min(3, terms.size())))
				: title.strip();
		List<Long> left = this.jdbc.sql("select distinct class_id from insight_class_cases where case_id = any(?)")
			.param(members.stream().map(CaseTexts.CaseText::id).toArray(Long[]::new))
			.query(Long.class)
			.list();
		long id = this.store.create(name.substring(0, Math.min(100, name.length())), members.get(0).title(), terms,
				members.get(0).categoryCode(), this.classes.street(members.get(0).areaPath()), centroid.weights(),
				members.stream().map((m) -> m.receivedAt().toLocalDate()).max(java.time.LocalDate::compareTo).get());
		for (CaseTexts.CaseText member : members) {
			this.store.join(id, member, this.classes.street(member.areaPath()), "ANALYST");
		}
		left.forEach(this.store::recount);
		log(actor, "CLASS_CREATED", id, members.size() + " cases");
		return this.store.find(id).orElseThrow();
	}

	private ClassStore.ClassRow live(long id, String field) {
		return this.store.find(id)
			.filter((k) -> !"MERGED".equals(k.status()))
			.orElseThrow(() -> new InvalidInputException(field, "insight.class.unknown"));
	}

	private void update(long id, int version, String set, Object value) {
		ClassStore.ClassRow k = this.store.find(id).orElseThrow(() -> new NotFoundException("class " + id));
		if ("MERGED".equals(k.status())) {
			throw new ConflictException("ILLEGAL_TRANSITION", "insight.class.merged");
		}
		int updated = this.jdbc
			.sql("update insight_classes set " + set
					+ ", version = version + 1, updated_at = ? where id = ? and version = ?")
			.params(value, OffsetDateTime.now(this.clock), id, version)
			.update();
		if (updated == 0) {
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
	}

	private void log(Actor actor, String action, long id, String detail) {
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), action, "problem-class",
				Long.toString(id), detail, null));
	}

}
