package org.yixian.insight;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import org.springframework.stereotype.Service;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseQueries;
import org.yixian.casework.CaseTexts;
import org.yixian.casework.Confidentiality;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.NotFoundException;

/**
 * Similar and duplicate cases: candidates by text (BM25 over words and bigrams) and by
 * the same caller, address or area, ranked by {@link HitScore}. The index narrows the
 * search to cases of the same kind that the actor's scope reaches and that do not
 * complain about the actor's unit; then every hit passes {@link CaseQueries#canSee}, the
 * very check that opening the case makes, before it is offered.
 */
@Service
class SimilarCases {

	static final int TEXT_CANDIDATES = 50;

	static final int FACT_CANDIDATES = 30;

	private final CaseIndex index;

	private final CaseQueries queries;

	private final CaseTexts texts;

	private final UserDictionary dictionary;

	private final Categories categories;

	private final Units units;

	private final Clock clock;

	SimilarCases(CaseIndex index, CaseQueries queries, CaseTexts texts, UserDictionary dictionary,
			Categories categories, Units units, Clock clock) {
		this.index = index;
		this.queries = queries;
		this.texts = texts;
		this.dictionary = dictionary;
		this.categories = categories;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * Cases like one the actor may open (otherwise not found), best first.
	 */
	List<SimilarCase> forCase(long id, Actor actor, int limit) {
		if (!this.queries.canSee(id, actor)) {
			throw new NotFoundException("case " + id);
		}
		CaseTexts.CaseText text = this.texts.textOf(id).orElseThrow(() -> new NotFoundException("case " + id));
		return rank(Probe.of(text, parentOf(text.categoryCode())), actor, limit, id);
	}

	/**
	 * Cases like a draft an operator is typing (no case yet), best first.
	 */
	List<SimilarCase> forDraft(Draft draft, Actor actor, int limit) {
		String path = (draft.areaUnitCode() == null) ? null
				: this.units.findByCode(draft.areaUnitCode().strip()).map(Unit::path).orElse(null);
		String category = (draft.categoryCode() == null || draft.categoryCode().isBlank()) ? null
				: draft.categoryCode().strip();
		Probe probe = new Probe(draft.kind(), draft.title(), draft.content(), CaseTexts.callerHash(null, draft.phone()),
				CaseDocument.addressKey(draft.address()), CaseDocument.pathIds(path), category, parentOf(category),
				OffsetDateTime.now(this.clock));
		return rank(probe, actor, limit, -1);
	}

	/**
	 * What an operator has typed so far.
	 */
	record Draft(CaseKind kind, String title, String content, String areaUnitCode, String address, String phone,
			String categoryCode) {

		boolean hasText() {
			return (this.title != null && this.title.strip().length() >= 2)
					|| (this.content != null && this.content.strip().length() >= 4);
		}

	}

	String parentOf(String categoryCode) {
		return (categoryCode == null || categoryCode.isBlank()) ? null
				: this.categories.findByCode(categoryCode).map(Category::parentCode).orElse(null);
	}

	/**
	 * Cases like a probe, best first, each one the actor may open.
	 */
	List<SimilarCase> rank(Probe probe, Actor actor, int limit, long excludeId) {
		List<SimilarCase> ranked = this.index.search((searcher) -> candidates(searcher, probe, actor, excludeId));
		List<SimilarCase> visible = new ArrayList<>();
		for (SimilarCase hit : ranked) {
			if (visible.size() >= limit) {
				break;
			}
			if (this.queries.canSee(hit.id(), actor)) {
				visible.add(hit);
			}
		}
		return visible;
	}

	private List<SimilarCase> candidates(IndexSearcher searcher, Probe probe, Actor actor, long excludeId)
			throws IOException {
		Segmenter segmenter = this.dictionary.segmenter();
		TextQuery text = TextQuery.of(searcher, CaseDocument.words(segmenter, probe.body()),
				Grams.bigrams(probe.body()));
		Query filter = filter(probe, actor, excludeId);
		Map<Integer, Float> textScores = new LinkedHashMap<>();
		for (ScoreDoc hit : searcher.search(both(text.query(), filter), TEXT_CANDIDATES).scoreDocs) {
			textScores.put(hit.doc, hit.score);
		}
		Query facts = facts(probe);
		List<Integer> others = new ArrayList<>();
		if (facts != null) {
			Sort newestFirst = new Sort(new SortField(CaseDocument.RECEIVED, SortField.Type.LONG, true));
			for (ScoreDoc hit : searcher.search(both(new ConstantScoreQuery(facts), filter), FACT_CANDIDATES,
					newestFirst).scoreDocs) {
				if (!textScores.containsKey(hit.doc)) {
					others.add(hit.doc);
				}
			}
		}
		if (!others.isEmpty()) {
			List<BytesRef> keys = new ArrayList<>();
			for (int doc : others) {
				keys.add(new BytesRef(Long.toString(
						searcher.storedFields().document(doc).getField(CaseDocument.ID).numericValue().longValue())));
			}
			Query only = new TermInSetQuery(CaseDocument.KEY, keys);
			for (ScoreDoc hit : searcher.search(both(text.query(), only), others.size()).scoreDocs) {
				textScores.put(hit.doc, hit.score);
			}
			others.forEach((doc) -> textScores.putIfAbsent(doc, 0f));
		}
		List<SimilarCase> scored = new ArrayList<>();
		for (Map.Entry<Integer, Float> e : textScores.entrySet()) {
			Document doc = searcher.storedFields().document(e.getKey());
			SimilarCase hit = HitScore.score(probe, doc, text.similarity(e.getValue()));
			if (HitScore.worthShowing(hit)) {
				scored.add(hit);
			}
		}
		scored.sort(Comparator.comparingDouble(SimilarCase::score).reversed());
		return scored;
	}

	private static Query both(Query scoring, Query filter) {
		return new BooleanQuery.Builder().add(scoring, BooleanClause.Occur.MUST)
			.add(filter, BooleanClause.Occur.FILTER)
			.build();
	}

	/**
	 * Same kind, not the case itself nor merged into another, within the actor's reach
	 * and not complaining about the actor's unit or a unit above it.
	 */
	static Query filter(Probe probe, Actor actor, long excludeId) {
		BooleanQuery.Builder filter = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(CaseDocument.KIND, probe.kind().name())), BooleanClause.Occur.FILTER)
			.add(new TermQuery(new Term(CaseDocument.KEY, Long.toString(excludeId))), BooleanClause.Occur.MUST_NOT)
			.add(new TermQuery(new Term(CaseDocument.MERGED, "y")), BooleanClause.Occur.MUST_NOT);
		List<String> scope = CaseDocument.pathIds(actor.scope().pathPrefix());
		if (!scope.isEmpty()) {
			filter.add(new TermQuery(new Term(CaseDocument.REACH, scope.get(scope.size() - 1))),
					BooleanClause.Occur.FILTER);
		}
		List<BytesRef> ancestry = new ArrayList<>();
		for (Long unit : Confidentiality.ancestry(actor)) {
			ancestry.add(new BytesRef(unit.toString()));
		}
		if (!ancestry.isEmpty()) {
			filter.add(new TermInSetQuery(CaseDocument.ACCUSED, ancestry), BooleanClause.Occur.MUST_NOT);
		}
		return filter.build();
	}

	/**
	 * The same caller, the same address, or the same area: candidates whatever their
	 * words.
	 */
	private static Query facts(Probe probe) {
		BooleanQuery.Builder facts = new BooleanQuery.Builder();
		int clauses = 0;
		if (probe.callerHash() != null) {
			facts.add(new TermQuery(new Term(CaseDocument.CALLER, probe.callerHash())), BooleanClause.Occur.SHOULD);
			clauses++;
		}
		if (probe.addressKey() != null) {
			facts.add(new TermQuery(new Term(CaseDocument.ADDRESS, probe.addressKey())), BooleanClause.Occur.SHOULD);
			clauses++;
		}
		return (clauses == 0) ? null : facts.build();
	}

}
