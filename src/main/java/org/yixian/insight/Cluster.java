package org.yixian.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class of texts being formed: its members, the sum of their vectors and the centroid
 * (the strongest terms of the sum, unit length), and counts of categories and places. A
 * seed is an existing problem class that new items may join.
 */
final class Cluster {

	static final int CENTROID_TERMS = 60;

	private final Long seedId;

	private final List<Clusterer.Item> members = new ArrayList<>();

	private final Map<String, Double> sum = new HashMap<>();

	private final Map<String, Integer> categories = new HashMap<>();

	private final Map<String, Integer> places = new HashMap<>();

	private TermVector centroid = new TermVector(Map.of());

	private int sinceRefresh;

	long lastDay = Long.MIN_VALUE;

	Cluster(Long seedId) {
		this.seedId = seedId;
	}

	/**
	 * An existing class as a seed, its centroid as it was stored.
	 */
	static Cluster seed(long id, Map<String, Double> centroid, int members, long lastDay, String category,
			String place) {
		Cluster cluster = new Cluster(id);
		double weight = Math.max(1, members);
		centroid.forEach((t, w) -> cluster.sum.put(t, w * weight));
		cluster.centroid = new TermVector(new HashMap<>(centroid)).normalised();
		cluster.lastDay = lastDay;
		if (category != null) {
			cluster.categories.put(category, 1);
		}
		if (place != null) {
			cluster.places.put(place, 1);
		}
		return cluster;
	}

	Long seedId() {
		return this.seedId;
	}

	void add(Clusterer.Item item) {
		this.members.add(item);
		item.vector().weights().forEach((t, w) -> this.sum.merge(t, w, Double::sum));
		if (item.category() != null) {
			this.categories.merge(item.category(), 1, Integer::sum);
		}
		if (item.place() != null) {
			this.places.merge(item.place(), 1, Integer::sum);
		}
		this.lastDay = Math.max(this.lastDay, item.day());
		this.sinceRefresh++;
		if (this.members.size() <= 20 || this.sinceRefresh * 10 >= this.members.size()) {
			refresh();
		}
	}

	void absorb(Cluster other) {
		for (Clusterer.Item item : other.members) {
			add(item);
		}
		refresh();
	}

	private void refresh() {
		this.centroid = new TermVector(TermVector.top(this.sum, CENTROID_TERMS)).normalised();
		this.sinceRefresh = 0;
		if (this.sum.size() > 20 * CENTROID_TERMS) {
			Map<String, Double> kept = TermVector.top(this.sum, 10 * CENTROID_TERMS);
			this.sum.clear();
			this.sum.putAll(kept);
		}
	}

	TermVector centroid() {
		return this.centroid;
	}

	List<Clusterer.Item> members() {
		return this.members;
	}

	int size() {
		return this.members.size();
	}

	String mainCategory() {
		return most(this.categories);
	}

	String mainPlace() {
		return most(this.places);
	}

	/**
	 * The centroid's strongest terms with their weights, as stored with a class.
	 */
	Map<String, Double> centroidWeights() {
		return new HashMap<>(this.centroid.weights());
	}

	/**
	 * The member closest to the centroid: the class's most typical text.
	 */
	Clusterer.Item typical() {
		Clusterer.Item best = null;
		double bestSim = -1;
		for (Clusterer.Item item : this.members) {
			double sim = item.vector().cosine(this.centroid);
			if (sim > bestSim) {
				best = item;
				bestSim = sim;
			}
		}
		return best;
	}

	/**
	 * The strongest words of the centroid (bigrams left out), for titles and terms.
	 */
	List<String> words(int limit) {
		return this.centroid.strongest(CENTROID_TERMS).stream().filter((t) -> t.charAt(0) != '#').limit(limit).toList();
	}

	private static String most(Map<String, Integer> counts) {
		return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

}
