package org.yixian.insight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places named in messages (the commands' input has no place field): an administrative
 * placeholder such as A市、A5区、K9县, or a named estate, road, village, school or hospital.
 */
final class Places {

	private static final Pattern ADMIN = Pattern.compile("[A-Z][0-9]{0,2}[市区县]");

	private static final Pattern NAMED = Pattern
		.compile("[\\u4e00-\\u9fa5A-Za-z0-9]{2,10}?(小区|社区|花园|新城|公寓|家园|苑|广场|大道|路|街|村|镇|乡|学校|中学|小学|医院|公司|车站|高铁)");

	private Places() {
	}

	static List<String> top(Cluster cluster, Map<Long, HotIssuesCommand.Message> messages, int limit) {
		Map<String, Integer> admin = new HashMap<>();
		Map<String, Integer> named = new HashMap<>();
		for (Clusterer.Item item : cluster.members()) {
			HotIssuesCommand.Message m = messages.get(item.id());
			String text = m.title() + " " + m.detail();
			count(ADMIN.matcher(text), admin);
			count(NAMED.matcher(m.title()), named);
		}
		List<String> places = new java.util.ArrayList<>();
		most(admin, 2).forEach(places::add);
		most(named, limit).forEach(places::add);
		return places.stream().distinct().limit(limit + 2).toList();
	}

	private static void count(Matcher matcher, Map<String, Integer> counts) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		while (matcher.find()) {
			if (seen.add(matcher.group())) {
				counts.merge(matcher.group(), 1, Integer::sum);
			}
		}
	}

	private static List<String> most(Map<String, Integer> counts, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.map(Map.Entry::getKey)
			.toList();
	}

}
