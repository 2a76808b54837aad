package org.yixian.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How hot a class of messages is: mostly how many different people raised it, then how
 * many messages and how much support (likes) it drew, and how concentrated in time it
 * was. Each part is a logarithm scaled by the largest value among the classes, so the
 * index runs from 0 to 100.
 */
final class HeatIndex {

	static final String DEFINITION = "heat = 100 × (0.40·ln(1+users)/ln(1+maxUsers) + 0.20·ln(1+messages)/ln(1+maxMessages)"
			+ " + 0.20·ln(1+likes)/ln(1+maxLikes) + 0.20·ln(1+messages per week of its span)/ln(1+max))";

	private HeatIndex() {
	}

	static List<Heat> rank(List<Cluster> clusters, Map<Long, HotIssuesCommand.Message> messages) {
		List<Heat> heats = new ArrayList<>();
		for (Cluster cluster : clusters) {
			Set<String> users = new HashSet<>();
			int likes = 0;
			int dislikes = 0;
			long first = Long.MAX_VALUE;
			long last = Long.MIN_VALUE;
			for (Clusterer.Item item : cluster.members()) {
				HotIssuesCommand.Message m = messages.get(item.id());
				users.add(m.user());
				likes += m.likes();
				dislikes += m.dislikes();
				first = Math.min(first, m.day());
				last = Math.max(last, m.day());
			}
			double perWeek = cluster.size() / ((last - first) / 7.0 + 1);
			heats.add(new Heat(cluster, cluster.size(), users.size(), likes, dislikes, first, last, perWeek, 0));
		}
		double maxUsers = heats.stream().mapToInt(Heat::users).max().orElse(1);
		double maxMessages = heats.stream().mapToInt(Heat::messages).max().orElse(1);
		double maxLikes = heats.stream().mapToInt(Heat::likes).max().orElse(1);
		double maxRate = heats.stream().mapToDouble(Heat::perWeek).max().orElse(1);
		List<Heat> scored = new ArrayList<>();
		for (Heat h : heats) {
			double value = 100 * (0.40 * part(h.users(), maxUsers) + 0.20 * part(h.messages(), maxMessages)
					+ 0.20 * part(h.likes(), maxLikes) + 0.20 * part(h.perWeek(), maxRate));
			scored.add(new Heat(h.cluster(), h.messages(), h.users(), h.likes(), h.dislikes(), h.firstDay(),
					h.lastDay(), h.perWeek(), value));
		}
		scored.sort(Comparator.comparingDouble(Heat::value).reversed());
		return scored;
	}

	private static double part(double value, double max) {
		return (max <= 0) ? 0 : Math.log1p(value) / Math.log1p(max);
	}

	record Heat(Cluster cluster, int messages, int users, int likes, int dislikes, long firstDay, long lastDay,
			double perWeek, double value) {
	}

}
