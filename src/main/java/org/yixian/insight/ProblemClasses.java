package org.yixian.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.CaseEvents;
import org.yixian.casework.CaseTexts;
import org.yixian.organisation.Unit;
import org.yixian.organisation.UnitKind;
import org.yixian.organisation.Units;
import org.yixian.shared.JobLeases;

/**
 * Forms problem classes: the clustering of open and recent cases (nightly and on demand)
 * that lets cases join the existing classes and proposes new ones of at least
 * {@link #MIN_MEMBERS} cases; a newly registered case joins the closest class at once; a
 * return visit's satisfaction is kept with the member case. Cases naming a unit
 * complained about are never clustered.
 */
@Service
class ProblemClasses {

	static final int MIN_MEMBERS = 3;

	private static final Logger log = LoggerFactory.getLogger(ProblemClasses.class);

	private final CaseTexts texts;

	private final ClassVectors vectors;

	private final ClassStore store;

	private final Units units;

	private final Clock clock;

	private final int days;

	private final int maxCases;

	private final JobLeases leases;

	ProblemClasses(CaseTexts texts, ClassVectors vectors, ClassStore store, Units units, Clock clock, JobLeases leases,
			@Value("${yixian.insight.cluster-days:90}") int days,
			@Value("${yixian.insight.cluster-max-cases:200000}") int maxCases) {
		this.leases = leases;
		this.texts = texts;
		this.vectors = vectors;
		this.store = store;
		this.units = units;
		this.clock = clock;
		this.days = days;
		this.maxCases = maxCases;
	}

	@Scheduled(cron = "${yixian.insight.cluster-cron:0 0 3 * * *}")
	void nightly() {
		this.leases.runOnce("insight-clustering", Duration.ofMinutes(10), Duration.ofHours(2), this::recluster);
	}

	/**
	 * Clusters the open and recent cases not yet in a class.
	 */
	@Transactional
	synchronized Result recluster() {
		long started = System.nanoTime();
		Set<Long> classed = new HashSet<>(this.store.classedCaseIds());
		List<CaseTexts.CaseText> fresh = this.texts
			.openOrSince(OffsetDateTime.now(this.clock).minusDays(this.days), this.maxCases)
			.stream()
			.filter((t) -> !classed.contains(t.id()))
			.toList();
		List<TermVector> vectors = this.vectors.of(fresh);
		Map<Long, CaseTexts.CaseText> byId = new HashMap<>();
		List<Clusterer.Item> items = new ArrayList<>();
		for (int i = 0; i < fresh.size(); i++) {
			CaseTexts.CaseText text = fresh.get(i);
			byId.put(text.id(), text);
			items.add(new Clusterer.Item(text.id(), vectors.get(i), text.categoryCode(), street(text.areaPath()),
					text.receivedAt().toLocalDate().toEpochDay()));
		}
		List<Cluster> seeds = new ArrayList<>();
		for (ClassStore.Seed seed : this.store.seeds()) {
			seeds.add(Cluster.seed(seed.id(), seed.centroid(), seed.members(),
					(seed.lastDay() != null) ? seed.lastDay().toEpochDay() : 0, seed.category(), seed.area()));
		}
		int joined = 0;
		int created = 0;
		for (Cluster cluster : Clusterer.standard().cluster(items, seeds)) {
			if (cluster.seedId() != null) {
				for (Clusterer.Item item : cluster.members()) {
					join(cluster.seedId(), byId.get(item.id()), "CLUSTERING");
					joined++;
				}
				if (!cluster.members().isEmpty()) {
					this.store.updateCentroid(cluster.seedId(), cluster.centroidWeights(), cluster.words(8),
							LocalDate.ofEpochDay(cluster.lastDay));
				}
			}
			else if (cluster.size() >= MIN_MEMBERS) {
				long id = this.store.create(title(cluster), byId.get(cluster.typical().id()).title(), cluster.words(8),
						cluster.mainCategory(), cluster.mainPlace(), cluster.centroidWeights(),
						LocalDate.ofEpochDay(cluster.lastDay));
				for (Clusterer.Item item : cluster.members()) {
					join(id, byId.get(item.id()), "CLUSTERING");
				}
				created++;
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Problem classes: {} cases clustered in {} ms, {} joined existing classes, {} new classes",
				fresh.size(), millis, joined, created);
		return new Result(fresh.size(), joined, created, millis);
	}

	/**
	 * "{street}：{three strongest words}".
	 */
	String title(Cluster cluster) {
		String place = (cluster.mainPlace() != null)
				? this.units.findByCode(cluster.mainPlace()).map(Unit::name).orElse(cluster.mainPlace()) : null;
		String words = String.join("、", cluster.words(3));
		String title = (place != null) ? place + "：" + words : words;
		return title.isBlank() ? "?" : title.substring(0, Math.min(100, title.length()));
	}

	private void join(long classId, CaseTexts.CaseText text, String by) {
		this.store.join(classId, text, street(text.areaPath()), by);
	}

	/**
	 * The street (or town) a case's area lies in, else the area itself.
	 */
	String street(String areaPath) {
		List<String> ids = CaseDocument.pathIds(areaPath);
		for (int i = ids.size() - 1; i >= 0; i--) {
			Unit unit = this.units.findById(Long.parseLong(ids.get(i))).orElse(null);
			if (unit != null && unit.kind() == UnitKind.STREET) {
				return unit.code();
			}
		}
		return ids.isEmpty() ? "?"
				: this.units.findById(Long.parseLong(ids.get(ids.size() - 1))).map(Unit::code).orElse("?");
	}

	/**
	 * A newly registered case joins the closest class, if one is close enough.
	 */
	@ApplicationModuleListener(condition = "#event.accusedUnitCode() == null")
	void on(CaseEvents.Registered event) {
		if (event.accusedUnitCode() != null) {
			return;
		}
		CaseTexts.CaseText text = this.texts.textOf(event.caseId()).orElse(null);
		if (text == null || text.parentCaseId() != null) {
			return;
		}
		Clusterer.Item item = new Clusterer.Item(text.id(), this.vectors.of(text), text.categoryCode(),
				street(text.areaPath()), text.receivedAt().toLocalDate().toEpochDay());
		Clusterer clusterer = Clusterer.standard();
		Long best = null;
		double bestScore = 0;
		for (ClassStore.Seed seed : this.store.seeds()) {
			long lastDay = (seed.lastDay() != null) ? seed.lastDay().toEpochDay() : 0;
			Cluster cluster = Cluster.seed(seed.id(), seed.centroid(), seed.members(), lastDay, seed.category(),
					seed.area());
			double score = clusterer.score(item, cluster);
			if (clusterer.accepts(score, item.day() - lastDay) && score > bestScore) {
				best = seed.id();
				bestScore = score;
			}
		}
		if (best != null) {
			join(best, text, "ONLINE");
		}
	}

	/**
	 * A return visit's satisfaction stays with the member case (for dissatisfaction
	 * rates).
	 */
	@ApplicationModuleListener(condition = "#event.action() == 'return-visit'")
	void on(CaseEvents.Transitioned event) {
		if ("return-visit".equals(event.action()) && event.payload() != null
				&& event.payload().get("satisfaction") != null) {
			this.store.satisfaction(event.caseId(), event.payload().get("satisfaction").toString());
		}
	}

	/**
	 * What a clustering run did.
	 */
	record Result(int cases, int joined, int created, long millis) {
	}

}
