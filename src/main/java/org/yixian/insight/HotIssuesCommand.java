package org.yixian.insight;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hot-issues --input FILE --top N}: clusters citizens' messages (Teddy Cup 附件3
 * format: 留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 反对数, 点赞数) with the product's own clustering and
 * prints the hottest classes by {@link HeatIndex}, with their time range, places and a
 * one-line description.
 */
final class HotIssuesCommand {

	private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]");

	private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("yyyy-MM-dd[ HH:mm[:ss]]");

	private final PrintStream out;

	HotIssuesCommand(PrintStream out) {
		this.out = out;
	}

	int run(CommandOptions options) throws Exception {
		Path input = options.path("input");
		int top = Integer.parseInt(options.value("top", "5"));
		long t0 = System.nanoTime();
		List<Map<String, String>> rows = CsvRecords.read(input);
		List<Message> messages = new ArrayList<>();
		for (Map<String, String> row : rows) {
			messages.add(new Message(Long.parseLong(row.get("留言编号").strip()), row.get("留言用户").strip(),
					row.get("留言主题").strip(), row.get("留言详情").strip(), day(row.get("留言时间")), number(row.get("点赞数")),
					number(row.get("反对数"))));
		}
		Segmenter segmenter = new Segmenter(TermDictionary.EMPTY);
		List<Clusterer.Item> items = BatchVectors.items(messages.stream()
			.map((m) -> new BatchVectors.Text(m.id(), m.title() + "\n" + m.title() + "\n" + m.detail(), null, null,
					m.day()))
			.toList(), segmenter);
		long t1 = System.nanoTime();
		List<Cluster> clusters = Clusterer.standard().cluster(items, List.of());
		long t2 = System.nanoTime();
		Map<Long, Message> byId = new HashMap<>();
		messages.forEach((m) -> byId.put(m.id(), m));
		List<HeatIndex.Heat> ranked = HeatIndex.rank(clusters, byId);
		this.out.printf("%d messages, %d classes (%d with 3 or more messages); analysis %.1f s, clustering %.1f s%n",
				messages.size(), clusters.size(), clusters.stream().filter((c) -> c.size() >= 3).count(),
				(t1 - t0) / 1e9, (t2 - t1) / 1e9);
		this.out.println(HeatIndex.DEFINITION);
		this.out.println();
		int rank = 0;
		for (HeatIndex.Heat heat : ranked.subList(0, Math.min(top, ranked.size()))) {
			rank++;
			Cluster cluster = heat.cluster();
			Message typical = byId.get(cluster.typical().id());
			this.out.printf("%d. heat %.1f | %d messages, %d users, %d likes, %d dislikes | %s to %s%n", rank,
					heat.value(), heat.messages(), heat.users(), heat.likes(), heat.dislikes(),
					LocalDate.ofEpochDay(heat.firstDay()), LocalDate.ofEpochDay(heat.lastDay()));
			this.out.printf("   places: %s%n", String.join("、", Places.top(cluster, byId, 3)));
			this.out.printf("   description: %s%n", typical.title());
			this.out.printf("   terms: %s%n", String.join(" ", cluster.words(8)));
			this.out.printf("   messages: %s%n",
					cluster.members()
						.stream()
						.limit(12)
						.map((i) -> Long.toString(i.id()))
						.reduce((a, b) -> a + " " + b)
						.orElse(""));
		}
		return 0;
	}

	static long day(String time) {
		String value = time.strip();
		try {
			return LocalDateTime.parse(value, value.contains("/") ? SLASHED : DASHED).toLocalDate().toEpochDay();
		}
		catch (RuntimeException ex) {
			return LocalDate.parse(value.substring(0, 10)).toEpochDay();
		}
	}

	private static int number(String value) {
		return (value == null || value.isBlank()) ? 0 : (int) Double.parseDouble(value.strip());
	}

	/**
	 * A message of the input.
	 */
	record Message(long id, String user, String title, String detail, long day, int likes, int dislikes) {
	}

}
