package org.yixian.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups texts into classes of the same problem in one pass (leader clustering): each
 * item, in time order, joins the most similar class (cosine to the class centroid, plus a
 * little for the same category and place, less for a different category) if that reaches
 * the threshold and the class was active recently, or starts a class; then classes whose
 * centroids are close are merged. Candidates come from an inverted index of the
 * centroids' strongest terms, so the cost grows with the number of items, not with items
 * × classes. Existing classes can seed the pass (new cases joining them).
 */
final class Clusterer {

	private final double threshold;

	private final double mergeThreshold;

	private final int maxGapDays;

	Clusterer(double threshold, double mergeThreshold, int maxGapDays) {
		this.threshold = threshold;
		this.mergeThreshold = mergeThreshold;
		this.maxGapDays = maxGapDays;
	}

	static Clusterer standard() {
		return new Clusterer(0.25, 0.38, 90);
	}

	List<Cluster> cluster(List<Item> items, List<Cluster> seeds) {
		List<Cluster> clusters = new ArrayList<>(seeds);
		Map<String, List<Integer>> postings = new HashMap<>();
		for (int i = 0; i < clusters.size(); i++) {
			post(postings, clusters.get(i), i);
		}
		List<Item> ordered = new ArrayList<>(items);
		ordered.sort(Comparator.comparingLong(Item::day).thenComparingLong(Item::id));
		for (Item item : ordered) {
			if (item.vector().isEmpty()) {
				continue;
			}
			int best = -1;
			double bestScore = this.threshold;
			for (int c : candidates(postings, item.vector())) {
				Cluster cluster = clusters.get(c);
				if (item.day() - cluster.lastDay > this.maxGapDays) {
					continue;
				}
				double score = score(item, cluster);
				if (score >= bestScore) {
					best = c;
					bestScore = score;
				}
			}
			if (best < 0) {
				clusters.add(new Cluster(null));
				best = clusters.size() - 1;
			}
			Cluster cluster = clusters.get(best);
			cluster.add(item);
			post(postings, cluster, best);
		}
		return merge(clusters);
	}

	double score(Item item, Cluster cluster) {
		double score = item.vector().cosine(cluster.centroid());
		String category = cluster.mainCategory();
		if (item.category() != null && category != null) {
			score += item.category().equals(category) ? 0.05 : (sameTop(item.category(), category) ? 0 : -0.1);
		}
		if (item.place() != null && item.place().equals(cluster.mainPlace())) {
			score += 0.05;
		}
		return score;
	}

	/**
	 * Whether a score joins an item to a class that last grew this many days before.
	 */
	boolean accepts(double score, long gapDays) {
		return score >= this.threshold && gapDays <= this.maxGapDays;
	}

	private static boolean sameTop(String a, String b) {
		return a.length() >= 2 && b.length() >= 2 && a.substring(0, 2).equals(b.substring(0, 2));
	}

	private static Set<Integer> candidates(Map<String, List<Integer>> postings, TermVector vector) {
		Set<Integer> found = new HashSet<>();
		for (String term : vector.strongest(10)) {
			List<Integer> list = postings.get(term);
			if (list != null) {
				for (int i = Math.max(0, list.size() - 300); i < list.size(); i++) {
					found.add(list.get(i));
				}
			}
		}
		return found;
	}

	private static void post(Map<String, List<Integer>> postings, Cluster cluster, int index) {
		for (String term : cluster.centroid().strongest(12)) {
			List<Integer> list = postings.computeIfAbsent(term, (t) -> new ArrayList<>());
			if (list.isEmpty() || list.get(list.size() - 1) != index) {
				list.add(index);
			}
		}
	}

	/**
	 * Merges a class into a larger one whose centroid is close enough, largest first.
	 */
	private List<Cluster> merge(List<Cluster> clusters) {
		List<Cluster> bySize = new ArrayList<>(clusters);
		bySize.sort(Comparator.comparingInt((Cluster c) -> -c.size()));
		List<Cluster> kept = new ArrayList<>();
		Map<String, List<Integer>> postings = new HashMap<>();
		for (Cluster cluster : bySize) {
			if (cluster.size() == 0) {
				continue;
			}
			int target = -1;
			double best = this.mergeThreshold;
			for (int k : candidates(postings, cluster.centroid())) {
				double sim = cluster.centroid().cosine(kept.get(k).centroid());
				boolean sameSeed = cluster.seedId() != null && kept.get(k).seedId() != null;
				if (sim >= best && !sameSeed) {
					target = k;
					best = sim;
				}
			}
			if (target >= 0) {
				kept.get(target).absorb(cluster);
			}
			else {
				kept.add(cluster);
				post(postings, cluster, kept.size() - 1);
			}
		}
		return kept;
	}

	/**
	 * A text to cluster: its vector, category and place (either may be null) and day.
	 */
	record Item(long id, TermVector vector, String category, String place, long day) {
	}

}
