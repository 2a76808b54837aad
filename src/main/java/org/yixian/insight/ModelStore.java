package org.yixian.insight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Category models, training runs and intake suggestions in PostgreSQL.
 */
@Component
class ModelStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	ModelStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Starts a run unless one is running.
	 * @return the new run's id, or empty when one runs already
	 */
	@Transactional
	Optional<Long> startRun(String requestedBy) {
		this.jdbc.sql("lock table insight_training_runs in exclusive mode").update();
		boolean running = this.jdbc.sql("select exists (select 1 from insight_training_runs where status = 'RUNNING')")
			.query(Boolean.class)
			.single();
		if (running) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("""
				insert into insight_training_runs (started_at, requested_by, status, phase, progress)
				values (?, ?, 'RUNNING', 'EXAMPLES', 0) returning id""")
			.params(now(), requestedBy)
			.query(Long.class)
			.single());
	}

	void progress(long runId, String phase, int percent) {
		this.jdbc.sql("update insight_training_runs set phase = ?, progress = ? where id = ? and status = 'RUNNING'")
			.params(phase, Math.max(0, Math.min(100, percent)), runId)
			.update();
	}

	void finish(long runId, String status, String message, Long modelId) {
		this.jdbc.sql("""
				update insight_training_runs set status = ?, message = ?, model_id = ?, finished_at = ?,
				  progress = case when ? = 'DONE' then 100 else progress end where id = ?""")
			.params(status, message, modelId, now(), status, runId)
			.update();
	}

	/**
	 * Runs left RUNNING by a process that ended.
	 */
	int failInterrupted() {
		return this.jdbc.sql("""
				update insight_training_runs set status = 'FAILED', message = 'interrupted', finished_at = ?
				where status = 'RUNNING'""").param(now()).update();
	}

	@Transactional
	long saveActive(long runId, TextClassifier model, ClassifierSettings settings, Map<String, Object> evaluation,
			int examples) {
		this.jdbc.sql("update insight_models set active = false where active").update();
		return this.jdbc
			.sql("""
					insert into insight_models (created_at, run_id, examples, labels, features, settings, evaluation, model, active)
					values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, true) returning id""")
			.params(now(), runId, examples, model.labels().size(), model.vocabulary().size(),
					settings.asMap().toString(), JSON.writeValueAsString(evaluation),
					ModelCodec.encode(model, settings))
			.query(Long.class)
			.single();
	}

	Optional<StoredModel> active() {
		return this.jdbc.sql("select id, model from insight_models where active")
			.query((rs, n) -> new StoredModel(rs.getLong("id"), rs.getBytes("model")))
			.optional();
	}

	List<ModelSummary> models(int limit) {
		return this.jdbc.sql("""
				select id, created_at, examples, labels, features, evaluation::text as evaluation, active
				from insight_models order by id desc limit ?""")
			.param(limit)
			.query((rs, n) -> new ModelSummary(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getInt("examples"), rs.getInt("labels"), rs.getInt("features"),
					JSON.readValue(rs.getString("evaluation"), Map.class), rs.getBoolean("active")))
			.list();
	}

	List<TrainingRun> runs(int limit) {
		return this.jdbc.sql("select * from insight_training_runs order by id desc limit ?")
			.param(limit)
			.query((rs, n) -> new TrainingRun(rs.getLong("id"), rs.getObject("started_at", OffsetDateTime.class),
					rs.getObject("finished_at", OffsetDateTime.class), rs.getString("requested_by"),
					rs.getString("status"), rs.getString("phase"), rs.getInt("progress"), rs.getString("message"),
					rs.getObject("model_id", Long.class)))
			.list();
	}

	Optional<TrainingRun> run(long id) {
		return this.jdbc.sql("select * from insight_training_runs where id = ?")
			.param(id)
			.query((rs, n) -> new TrainingRun(rs.getLong("id"), rs.getObject("started_at", OffsetDateTime.class),
					rs.getObject("finished_at", OffsetDateTime.class), rs.getString("requested_by"),
					rs.getString("status"), rs.getString("phase"), rs.getInt("progress"), rs.getString("message"),
					rs.getObject("model_id", Long.class)))
			.optional();
	}

	void rememberSuggestion(String textHash, long modelId, String suggested, double confidence) {
		this.jdbc
			.sql("""
					insert into insight_suggestions (text_hash, model_id, suggested, confidence, created_at) values (?, ?, ?, ?, ?)
					on conflict (text_hash) do update set model_id = excluded.model_id, suggested = excluded.suggested,
					  confidence = excluded.confidence, created_at = excluded.created_at where insight_suggestions.case_id is null""")
			.params(textHash, modelId, suggested, confidence, now())
			.update();
	}

	/**
	 * Records what the operator chose for a text that was suggested a category.
	 */
	void recordChoice(String textHash, long caseId, String chosen) {
		this.jdbc.sql("""
				update insight_suggestions set case_id = ?, chosen = ?, accepted = (suggested = ?)
				where text_hash = ? and case_id is null""").params(caseId, chosen, chosen, textHash).update();
	}

	/**
	 * Cases whose category the operator chose against the suggestion.
	 */
	List<Long> corrected() {
		return this.jdbc.sql("select case_id from insight_suggestions where accepted = false").query(Long.class).list();
	}

	/**
	 * Suggestions followed by a registration: {accepted, total}.
	 */
	long[] acceptance() {
		return this.jdbc.sql("""
				select count(*) filter (where accepted), count(*) from insight_suggestions where case_id is not null""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	record StoredModel(long id, byte[] bytes) {
	}

	record ModelSummary(long id, OffsetDateTime createdAt, int examples, int labels, int features, Map<?, ?> evaluation,
			boolean active) {
	}

	record TrainingRun(long id, OffsetDateTime startedAt, OffsetDateTime finishedAt, String requestedBy, String status,
			String phase, int progress, String message, Long modelId) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

	}

}
