package org.yixian.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How well predicted labels match true ones: accuracy, macro-averaged F1 (every class
 * counts the same, however rare) and precision, recall and F1 per class.
 */
final class Evaluation {

	private final List<String> labels;

	private final long[][] confusion;

	private long total;

	private long correct;

	private List<Double> foldMacroF1 = List.of();

	Evaluation(List<String> labels) {
		this.labels = List.copyOf(labels);
		this.confusion = new long[labels.size()][labels.size()];
	}

	static Evaluation of(List<String> truth, List<String> predicted) {
		TreeSet<String> all = new TreeSet<>(truth);
		all.addAll(predicted);
		Evaluation evaluation = new Evaluation(new ArrayList<>(all));
		for (int i = 0; i < truth.size(); i++) {
			evaluation.add(truth.get(i), predicted.get(i));
		}
		return evaluation;
	}

	/**
	 * This evaluation, pooled over cross-validation folds, with each fold's own macro-F1.
	 */
	Evaluation withFolds(List<Double> macroF1s) {
		this.foldMacroF1 = List.copyOf(macroF1s);
		return this;
	}

	List<Double> foldMacroF1() {
		return this.foldMacroF1;
	}

	void add(String truth, String predicted) {
		this.confusion[this.labels.indexOf(truth)][this.labels.indexOf(predicted)]++;
		this.total++;
		if (truth.equals(predicted)) {
			this.correct++;
		}
	}

	long total() {
		return this.total;
	}

	double accuracy() {
		return (this.total == 0) ? 0 : (double) this.correct / this.total;
	}

	double macroF1() {
		List<ClassScore> scores = perClass();
		return scores.isEmpty() ? 0 : scores.stream().mapToDouble(ClassScore::f1).average().orElse(0);
	}

	List<ClassScore> perClass() {
		List<ClassScore> scores = new ArrayList<>();
		for (int k = 0; k < this.labels.size(); k++) {
			long tp = this.confusion[k][k];
			long predicted = 0;
			long actual = 0;
			for (int j = 0; j < this.labels.size(); j++) {
				predicted += this.confusion[j][k];
				actual += this.confusion[k][j];
			}
			if (actual == 0) {
				continue;
			}
			double precision = (predicted == 0) ? 0 : (double) tp / predicted;
			double recall = (double) tp / actual;
			double f1 = (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
			scores.add(new ClassScore(this.labels.get(k), precision, recall, f1, actual));
		}
		return scores;
	}

	/**
	 * The figures as stored with a model.
	 */
	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("examples", this.total);
		summary.put("accuracy", round(accuracy()));
		summary.put("macroF1", round(macroF1()));
		if (!this.foldMacroF1.isEmpty()) {
			summary.put("foldMacroF1", this.foldMacroF1.stream().map(Evaluation::round).toList());
		}
		List<Map<String, Object>> classes = new ArrayList<>();
		for (ClassScore s : perClass()) {
			classes.add(Map.of("label", s.label(), "precision", round(s.precision()), "recall", round(s.recall()), "f1",
					round(s.f1()), "support", s.support()));
		}
		summary.put("classes", classes);
		return summary;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	/**
	 * The report the {@code eval-classifier} command prints.
	 */
	String report() {
		StringBuilder out = new StringBuilder();
		out.append(String.format("examples %d%n", this.total));
		out.append(String.format("accuracy %.3f%n", accuracy()));
		out.append(String.format("macro-F1 %.3f%n", macroF1()));
		if (!this.foldMacroF1.isEmpty()) {
			out.append("macro-F1 per fold");
			this.foldMacroF1.forEach((f) -> out.append(String.format(" %.3f", f)));
			out.append(String.format(" (mean %.3f)%n",
					this.foldMacroF1.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
		}
		out.append(String.format("%n%-16s %9s %9s %9s %9s%n", "class", "precision", "recall", "F1", "support"));
		for (ClassScore s : perClass()) {
			out.append(String.format("%s %9.3f %9.3f %9.3f %9d%n", pad(s.label()), s.precision(), s.recall(), s.f1(),
					s.support()));
		}
		return out.toString();
	}

	/**
	 * Pads by display width (a Chinese character takes two columns).
	 */
	private static String pad(String label) {
		int width = label.codePoints().map((c) -> (c > 0x2E80) ? 2 : 1).sum();
		return label + " ".repeat(Math.max(0, 16 - width));
	}

	/**
	 * Rows: true label; columns: predicted label, in the order of the per-class table.
	 */
	String confusionTable() {
		StringBuilder out = new StringBuilder();
		for (int k = 0; k < this.labels.size(); k++) {
			out.append(
					String.format("%-8s", this.labels.get(k).substring(0, Math.min(4, this.labels.get(k).length()))));
			for (int j = 0; j < this.labels.size(); j++) {
				out.append(String.format(" %5d", this.confusion[k][j]));
			}
			out.append(System.lineSeparator());
		}
		return out.toString();
	}

	record ClassScore(String label, double precision, double recall, double f1, long support) {
	}

}
