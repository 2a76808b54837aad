package org.yixian.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.yixian.casework.CaseEvents;
import org.yixian.casework.CaseTexts;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;
import org.yixian.shared.ClusterSignal;
import org.yixian.shared.ClusterSignals;
import org.yixian.shared.Hashes;
import org.yixian.shared.JobLeases;
import org.yixian.shared.InvalidInputException;

/**
 * Category suggestion learned from this installation's handled cases: training on a
 * schedule and on demand in the background (one run at a time, its progress in
 * {@code insight_training_runs}), cross-validated before the final model replaces the
 * active one; suggestions with confidence and the words behind them; and what the
 * operator did with a suggestion, learned when the case registers. Cases whose category
 * the operator corrected count twice in the next training.
 */
@Service
class CategoryModels implements DisposableBean {

	static final int MIN_PER_LABEL = 3;

	static final int MAX_TEXT = 4200;

	private static final Logger log = LoggerFactory.getLogger(CategoryModels.class);

	private final ModelStore store;

	private final CaseTexts texts;

	private final UserDictionary dictionary;

	private final Categories categories;

	private final int maxExamples;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((r) -> {
		Thread thread = new Thread(r, "insight-training");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Loaded loaded;

	private final ClusterSignals signals;

	private final JobLeases leases;

	CategoryModels(ModelStore store, CaseTexts texts, UserDictionary dictionary, Categories categories,
			ClusterSignals signals, JobLeases leases,
			@Value("${yixian.insight.max-training-examples:50000}") int maxExamples) {
		this.signals = signals;
		this.leases = leases;
		this.store = store;
		this.texts = texts;
		this.dictionary = dictionary;
		this.categories = categories;
		this.maxExamples = maxExamples;
	}

	CategorySuggestion.Suggestions suggest(String title, String content, int limit, boolean remember) {
		String text = ((title != null) ? title.strip() : "") + "\n" + ((content != null) ? content.strip() : "");
		if (text.isBlank()) {
			throw new InvalidInputException("content", "NotBlank");
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidInputException("content", "Max", 0, MAX_TEXT);
		}
		Loaded current = current();
		if (current == null) {
			return new CategorySuggestion.Suggestions(List.of(), null);
		}
		List<CategorySuggestion> suggestions = new ArrayList<>();
		for (TextClassifier.Prediction p : current.model().predict(text, limit, 5)) {
			String name = this.categories.findByCode(p.label()).map(Category::name).orElse(p.label());
			suggestions
				.add(new CategorySuggestion(p.label(), name, Math.round(p.confidence() * 1000) / 1000.0, p.terms()));
		}
		if (remember && !suggestions.isEmpty()) {
			this.store.rememberSuggestion(textHash(title, content), current.id(), suggestions.get(0).categoryCode(),
					suggestions.get(0).confidence());
		}
		return new CategorySuggestion.Suggestions(suggestions, current.id());
	}

	static String textHash(String title, String content) {
		return Hashes.sha256Hex(TextNormalizer.normalize(title) + "\n" + TextNormalizer.normalize(content));
	}

	private Loaded current() {
		Loaded current = this.loaded;
		if (current == null) {
			current = this.store.active()
				.map((m) -> new Loaded(m.id(), ModelCodec.decode(m.bytes(), this.dictionary.segmenter())))
				.orElse(null);
			this.loaded = current;
		}
		return current;
	}

	/**
	 * Starts a training run in the background.
	 * @return the run, or empty when one is running already
	 */
	Optional<Long> trainLater(String requestedBy) {
		Optional<Long> run = this.store.startRun(requestedBy);
		run.ifPresent((id) -> this.executor.submit(() -> train(id)));
		return run;
	}

	@Scheduled(cron = "${yixian.insight.training-cron:0 30 2 * * *}")
	void nightly() {
		this.leases.runOnce("insight-training", Duration.ofMinutes(10), Duration.ofHours(2), () -> {
			this.dictionary.syncInstallationNames();
			trainLater(null);
		});
	}

	/**
	 * A model trained on another node becomes active here too: the next suggestion loads
	 * it.
	 */
	@EventListener
	void on(ClusterSignal signal) {
		if (signal.concerns(MODEL_SIGNAL) && !signal.local()) {
			this.loaded = null;
		}
	}

	private static final String MODEL_SIGNAL = "insight-model";

	void train(long runId) {
		try {
			List<CaseTexts.CaseText> labelled = this.texts.labelled(this.maxExamples);
			Set<Long> corrected = new HashSet<>(this.store.corrected());
			Map<String, Long> counts = TextClassifier
				.countLabels(labelled.stream().map(CategoryModels::example).toList());
			List<CaseTexts.CaseText> keptCases = labelled.stream()
				.filter((t) -> counts.get(t.categoryCode()) >= MIN_PER_LABEL)
				.toList();
			List<TextClassifier.Example> kept = keptCases.stream().map(CategoryModels::example).toList();
			if (TextClassifier.countLabels(kept).size() < 2) {
				this.store.finish(runId, "SKIPPED", "insight.model.tooFewExamples", null);
				return;
			}
			Segmenter segmenter = this.dictionary.segmenter();
			ClassifierSettings settings = ClassifierSettings.STANDARD;
			this.store.progress(runId, "EVALUATING", 5);
			Evaluation evaluation = CrossValidation.run(kept, settings, segmenter, MIN_PER_LABEL, 20260101L,
					(p) -> this.store.progress(runId, "EVALUATING", 5 + (int) (55 * p)));
			List<TextClassifier.Example> training = new ArrayList<>(kept);
			for (CaseTexts.CaseText text : keptCases) {
				if (corrected.contains(text.id())) {
					training.add(example(text));
				}
			}
			this.store.progress(runId, "TRAINING", 60);
			TextClassifier model = new ClassifierTrainer(settings, segmenter).train(training,
					(p) -> this.store.progress(runId, "TRAINING", 60 + (int) (38 * p)));
			Map<String, Object> summary = evaluation.summary();
			summary.put("folds", MIN_PER_LABEL);
			summary.put("corrections", training.size() - kept.size());
			long modelId = this.store.saveActive(runId, model, settings, summary, kept.size());
			this.loaded = new Loaded(modelId, model);
			this.signals.send(MODEL_SIGNAL, Long.toString(modelId));
			this.store.finish(runId, "DONE", null, modelId);
			log.info("Category model {} trained on {} cases, {} labels; cross-validated macro-F1 {}", modelId,
					kept.size(), model.labels().size(), summary.get("macroF1"));
		}
		catch (RuntimeException ex) {
			log.warn("Category model training failed", ex);
			this.store.finish(runId, "FAILED", ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
		}
	}

	private static TextClassifier.Example example(CaseTexts.CaseText text) {
		return new TextClassifier.Example(text.title() + "\n" + text.content(), text.categoryCode());
	}

	/**
	 * Learns whether the operator followed the suggestion made for this text.
	 */
	@ApplicationModuleListener(condition = "#event.categoryCode() != null")
	void on(CaseEvents.Registered event) {
		if (event.categoryCode() == null) {
			return;
		}
		this.texts.textOf(event.caseId())
			.ifPresent((text) -> this.store.recordChoice(textHash(text.title(), text.content()), text.id(),
					event.categoryCode()));
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	private record Loaded(long id, TextClassifier model) {
	}

}
