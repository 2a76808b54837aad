package org.yixian.insight;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryModelTests {

	private final Segmenter segmenter = new Segmenter(TermDictionary.EMPTY);

	@Test
	void a_new_message_gets_its_category_first_with_the_words_that_drove_it() {
		TextClassifier model = new ClassifierTrainer(ClassifierSettings.STANDARD, this.segmenter)
			.train(Fixtures.examples());
		List<TextClassifier.Prediction> noise = model.predict("隔壁工地凌晨还在施工，噪音吵得人睡不着", 3, 5);
		assertThat(noise.get(0).label()).isEqualTo("0701");
		assertThat(noise.get(0).confidence()).isGreaterThan(noise.get(1).confidence());
		assertThat(String.join(" ", noise.get(0).terms())).containsAnyOf("噪音", "施工", "睡不着");
		assertThat(noise.get(0).terms()).isNotEmpty().allMatch((t) -> t.length() >= 2, "two characters or more");
		assertThat(model.predict("老板拖欠我们两个月工资不发", 1, 5).get(0).label()).isEqualTo("0201");
		assertThat(model.predict("公交车早高峰等不到车，请增加班次", 1, 5).get(0).label()).isEqualTo("0501");
		double total = model.predict("路灯坏了", 8, 3).stream().mapToDouble(TextClassifier.Prediction::confidence).sum();
		assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void cross_validation_scores_every_message_once_and_beats_chance_by_far() {
		Evaluation evaluation = CrossValidation.run(Fixtures.examples(), ClassifierSettings.STANDARD, this.segmenter, 4,
				1, (p) -> {
				});
		assertThat(evaluation.total()).isEqualTo(56);
		assertThat(evaluation.macroF1()).isGreaterThan(0.6);
		assertThat(evaluation.perClass()).hasSize(8);
		assertThat(evaluation.foldMacroF1()).hasSize(4).allSatisfy((f) -> assertThat(f).isBetween(0.0, 1.0));
		assertThat(evaluation.summary()).containsKey("foldMacroF1");
	}

	@Test
	void the_blended_model_is_one_linear_function_the_average_of_nb_svm_and_plain_svm() {
		List<TextClassifier.Example> examples = Fixtures.examples();
		FeatureExtractor extractor = ClassifierSettings.STANDARD.extractor(this.segmenter);
		List<java.util.Map<String, Integer>> counts = examples.stream().map((e) -> extractor.counts(e.text())).toList();
		Vocabulary vocabulary = Vocabulary.fit(counts, 2, ClassifierSettings.STANDARD.groupWeights());
		List<SparseVector> xs = counts.stream().map(vocabulary::vector).toList();
		List<String> labels = examples.stream().map(TextClassifier.Example::label).distinct().sorted().toList();
		int[] y = examples.stream().mapToInt((e) -> labels.indexOf(e.label())).toArray();
		float[][] nb = new LinearSvm(0.5, true, 60, 0.03, 0).train(xs, y, labels.size(), vocabulary.size(), (k) -> {
		});
		float[][] plain = new LinearSvm(0.5, true, 60, 0, 0).train(xs, y, labels.size(), vocabulary.size(), (k) -> {
		});
		float[][] blended = new LinearSvm(0.5, true, 60, 0.03, 0.5).train(xs, y, labels.size(), vocabulary.size(),
				(k) -> {
				});
		assertThat(plain[0]).isNotEqualTo(nb[0]);
		for (int k = 0; k < labels.size(); k++) {
			for (int i = 0; i <= vocabulary.size(); i++) {
				assertThat(blended[k][i]).isCloseTo(0.5f * (nb[k][i] + plain[k][i]),
						org.assertj.core.data.Offset.offset(1e-5f));
			}
		}
		assertThat(ClassifierSettings.STANDARD.with("blend", "0.25").blend()).isEqualTo(0.25);
	}

	@Test
	void macro_f1_weighs_every_class_the_same() {
		Evaluation evaluation = Evaluation.of(List.of("a", "a", "a", "a", "b"), List.of("a", "a", "a", "a", "a"));
		assertThat(evaluation.accuracy()).isEqualTo(0.8);
		assertThat(evaluation.macroF1()).isCloseTo((2 * 0.8 / 1.8 + 0) / 2, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void the_eval_classifier_command_prints_accuracy_macro_f1_and_a_table_per_class() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		String file = Fixtures.messagesFile().toString();
		int code = InsightCommands.run(new String[] { "eval-classifier", "--train", file, "--test", file,
				"--text-column", "title,content", "--label-column", "category" },
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String out = bytes.toString(StandardCharsets.UTF_8);
		assertThat(code).as(out).isZero();
		assertThat(out).containsPattern("trained on 56 examples in [0-9.]+ s")
			.containsPattern("accuracy 1\\.000")
			.containsPattern("macro-F1 1\\.000")
			.contains("0701", "0504");
		ByteArrayOutputStream cv = new ByteArrayOutputStream();
		assertThat(
				InsightCommands.run(
						new String[] { "eval-classifier", "--train", file, "--cv", "4", "--text-column",
								"title,content", "--label-column", "category" },
						new PrintStream(cv, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(cv.toString(StandardCharsets.UTF_8)).containsPattern("macro-F1 0\\.[0-9]{3}");
		ByteArrayOutputStream seeds = new ByteArrayOutputStream();
		assertThat(InsightCommands.run(
				new String[] { "eval-classifier", "--train", file, "--cv", "4", "--seed", "1,2", "--text-column",
						"title,content", "--label-column", "category" },
				new PrintStream(seeds, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(seeds.toString(StandardCharsets.UTF_8))
			.containsPattern("macro-F1 per fold( [01]\\.[0-9]{3}){4} \\(mean [01]\\.[0-9]{3}\\)")
			.containsPattern(
					"seed 2: accuracy [01]\\.[0-9]{3}, macro-F1 [01]\\.[0-9]{3}, per fold( [01]\\.[0-9]{3}){4}")
			.containsPattern("macro-F1 mean over 2 splits [01]\\.[0-9]{3}");
		ByteArrayOutputStream bad = new ByteArrayOutputStream();
		assertThat(InsightCommands.run(new String[] { "eval-classifier", "--train", file, "--cv", "4", "--text-column",
				"nope", "--label-column", "category" }, new PrintStream(bad, true, StandardCharsets.UTF_8)))
			.isEqualTo(2);
		assertThat(bad.toString(StandardCharsets.UTF_8)).contains("no column nope");
	}

}
