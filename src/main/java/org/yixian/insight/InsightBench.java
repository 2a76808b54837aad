package org.yixian.insight;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.CaseTexts;

/**
 * {@code insight-bench --messages FILE --labelled FILE [--cases N] [--queries Q]
 * [--cluster M] [--dir DIR]}: the timings of insight's engines, in process. Category
 * suggestion per case (a model trained on the labelled file); similar-case top-10 on an
 * index of N cases (sentences of real messages recombined, with areas, categories and
 * callers; the index, filters, scoring and stored fields exactly as the application uses
 * them, without the database check of each hit); clustering of M cases; index size, build
 * time and heap. {@code --cases 0} or {@code --cluster 0} leaves that part out.
 */
final class InsightBench {

	private final PrintStream out;

	InsightBench(PrintStream out) {
		this.out = out;
	}

	int run(CommandOptions options) throws Exception {
		List<String> sentences = sentences(options.path("messages"));
		int cases = Integer.parseInt(options.value("cases", "1000000"));
		int queries = Integer.parseInt(options.value("queries", "1000"));
		int cluster = Integer.parseInt(options.value("cluster", "100000"));
		Path dir = Path.of(options.value("dir", "target/insight-bench-index"));
		Segmenter segmenter = new Segmenter(TermDictionary.EMPTY);
		this.out.printf("%d sentences from %s; %d processors, max heap %d MB%n", sentences.size(),
				options.path("messages").getFileName(), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		suggestion(options.path("labelled"), segmenter);
		if (cases > 0) {
			similar(sentences, cases, queries, dir, segmenter);
		}
		if (cluster > 0) {
			clustering(sentences, cluster, segmenter);
		}
		return 0;
	}

	private void suggestion(Path labelled, Segmenter segmenter) throws IOException {
		List<TextClassifier.Example> examples = CsvRecords.examples(labelled, "留言详情", "一级标签");
		long t0 = System.nanoTime();
		TextClassifier model = new ClassifierTrainer(ClassifierSettings.STANDARD, segmenter).train(examples);
		long trained = System.nanoTime() - t0;
		long[] times = new long[examples.size() * 2];
		for (int i = 0; i < times.length; i++) {
			String text = examples.get(i % examples.size()).text();
			long s = System.nanoTime();
			model.predict(text, 3, 5);
			times[i] = System.nanoTime() - s;
		}
		long[] measured = Arrays.copyOfRange(times, examples.size(), times.length);
		this.out.printf(
				"suggestion: model of %d examples trained in %.1f s; per case p50 %.2f ms, p99 %.2f ms, mean %.2f ms"
						+ " (texts of %d characters on average)%n",
				examples.size(), trained / 1e9, pct(measured, 50), pct(measured, 99),
				Arrays.stream(measured).average().orElse(0) / 1e6,
				(int) examples.stream().mapToInt((e) -> e.text().length()).average().orElse(0));
	}

	private void similar(List<String> sentences, int cases, int queries, Path dir, Segmenter segmenter)
			throws IOException {
		if (Files.exists(dir)) {
			try (var files = Files.list(dir)) {
				for (Path f : files.toList()) {
					Files.delete(f);
				}
			}
		}
		Files.createDirectories(dir);
		long t0 = System.nanoTime();
		try (FSDirectory directory = FSDirectory.open(dir);
				IndexWriter writer = new IndexWriter(directory,
						new IndexWriterConfig(new KeywordAnalyzer()).setRAMBufferSizeMB(256))) {
			IntStream.range(0, cases).parallel().forEach((i) -> {
				try {
					writer.addDocument(CaseDocument.of(text(sentences, i), segmenter, "01"));
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				if (i % 100_000 == 0 && i > 0) {
					this.out.printf("  indexed %,d%n", i);
				}
			});
			writer.forceMerge(1);
			writer.commit();
		}
		long built = System.nanoTime() - t0;
		long bytes;
		try (var files = Files.list(dir)) {
			bytes = files.mapToLong((f) -> f.toFile().length()).sum();
		}
		System.gc();
		long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
		try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			SplittableRandom random = new SplittableRandom(3);
			long[] times = new long[queries * 2];
			int found = 0;
			for (int q = 0; q < times.length; q++) {
				CaseTexts.CaseText probeCase = text(sentences, random.nextInt(cases));
				Probe probe = Probe.of(probeCase, "01");
				long s = System.nanoTime();
				found += top10(searcher, probe, segmenter, probeCase.id());
				times[q] = System.nanoTime() - s;
			}
			long[] measured = Arrays.copyOfRange(times, queries, times.length);
			this.out.printf(
					"similar top-10: %,d cases indexed in %.0f s, index %,d MB on disk, heap after build %d MB;"
							+ " %d queries p50 %.1f ms, p99 %.1f ms (%.1f hits each)%n",
					cases, built / 1e9, bytes >> 20, heap, queries, pct(measured, 50), pct(measured, 99),
					found / (double) times.length);
		}
	}

	private static int top10(IndexSearcher searcher, Probe probe, Segmenter segmenter, long exclude)
			throws IOException {
		TextQuery text = TextQuery.of(searcher, CaseDocument.words(segmenter, probe.body()),
				Grams.bigrams(probe.body()));
		Query query = new org.apache.lucene.search.BooleanQuery.Builder()
			.add(text.query(), org.apache.lucene.search.BooleanClause.Occur.MUST)
			.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(CaseDocument.KIND, "DEMAND")),
					org.apache.lucene.search.BooleanClause.Occur.FILTER)
			.build();
		List<SimilarCase> hits = new ArrayList<>();
		for (ScoreDoc hit : searcher.search(query, SimilarCases.TEXT_CANDIDATES).scoreDocs) {
			hits.add(HitScore.score(probe, searcher.storedFields().document(hit.doc), text.similarity(hit.score)));
		}
		hits.sort(java.util.Comparator.comparingDouble(SimilarCase::score).reversed());
		return Math.min(10, (int) hits.stream().filter((h) -> h.id() != exclude).count());
	}

	private void clustering(List<String> sentences, int count, Segmenter segmenter) {
		List<BatchVectors.Text> texts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			CaseTexts.CaseText t = text(sentences, i);
			texts.add(new BatchVectors.Text(t.id(), t.title() + "\n" + t.content(), t.categoryCode(), t.areaUnitCode(),
					t.receivedAt().toLocalDate().toEpochDay()));
		}
		long t0 = System.nanoTime();
		List<Clusterer.Item> items = BatchVectors.items(texts, segmenter);
		long t1 = System.nanoTime();
		List<Cluster> clusters = Clusterer.standard().cluster(items, List.of());
		long t2 = System.nanoTime();
		this.out.printf(
				"clustering: %,d cases in %.1f s (analysis %.1f s, clustering %.1f s), %,d classes, %,d with 3+ cases%n",
				count, (t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, clusters.size(),
				clusters.stream().filter((c) -> c.size() >= 3).count());
	}

	/**
	 * Case i: two to five sentences of real messages, picked by a generator seeded with
	 * i, in one of 20 communities, 20 categories, received over a year, a tenth from
	 * repeat callers.
	 */
	static CaseTexts.CaseText text(List<String> sentences, long i) {
		SplittableRandom random = new SplittableRandom(i * 7919 + 17);
		int n = 2 + random.nextInt(4);
		StringBuilder content = new StringBuilder();
		for (int k = 0; k < n; k++) {
			content.append(sentences.get(random.nextInt(sentences.size()))).append('。');
		}
		String first = sentences.get(random.nextInt(sentences.size()));
		String title = first.substring(0, Math.min(20, first.length()));
		int community = random.nextInt(20);
		String path = "/1/" + (2 + community / 5) + "/" + (10 + community) + "/";
		String caller = (random.nextInt(10) == 0) ? "caller" + random.nextInt(5000) : "caller-" + i;
		OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8))
			.plusMinutes(random.nextInt(365 * 24 * 60));
		return new CaseTexts.CaseText(i + 1, "B" + (i + 1), CaseKind.DEMAND, CaseStatus.HANDLING, title,
				content.toString(), String.format("01%02d", 1 + random.nextInt(20)), "C" + community, path, null, at,
				null, caller, null, null, null, null, List.of(path));
	}

	static List<String> sentences(Path file) throws IOException {
		List<String> sentences = new ArrayList<>();
		for (Map<String, String> row : CsvRecords.read(file)) {
			for (String column : List.of("留言主题", "留言详情")) {
				String value = row.get(column);
				if (value == null) {
					continue;
				}
				for (String s : TextNormalizer.normalize(value).split("[。！？!?；;\\n]")) {
					if (s.strip().length() >= 6) {
						sentences.add(s.strip());
					}
				}
			}
		}
		return sentences;
	}

	private static double pct(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

}
