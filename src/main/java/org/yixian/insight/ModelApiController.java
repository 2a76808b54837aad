package org.yixian.insight;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.organisation.Actor;
import org.yixian.shared.ConflictException;
import org.yixian.shared.NotFoundException;

/**
 * Looking after insight: category models and their training runs, the user dictionary and
 * the case index.
 */
@RestController
@RequestMapping("/api/v1/insight")
class ModelApiController {

	private final CategoryModels models;

	private final ModelStore store;

	private final UserDictionary dictionary;

	private final IndexMaintenance maintenance;

	private final CaseIndex index;

	ModelApiController(CategoryModels models, ModelStore store, UserDictionary dictionary, IndexMaintenance maintenance,
			CaseIndex index) {
		this.models = models;
		this.store = store;
		this.dictionary = dictionary;
		this.maintenance = maintenance;
		this.index = index;
	}

	@GetMapping("/models")
	@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
	List<ModelStore.ModelSummary> models() {
		return this.store.models(20);
	}

	/**
	 * Trains a new category model in the background; 409 while one is training.
	 */
	@PostMapping("/models/train")
	@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
	ResponseEntity<Map<String, Long>> train(@AuthenticationPrincipal Actor actor) {
		long run = this.models.trainLater(actor.getUsername())
			.orElseThrow(() -> new ConflictException("TRAINING_RUNNING", "insight.model.running"));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("runId", run));
	}

	@GetMapping("/training-runs/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
	ModelStore.TrainingRun run(@PathVariable long id) {
		return this.store.run(id).orElseThrow(() -> new NotFoundException("run " + id));
	}

	@GetMapping("/terms")
	@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
	List<UserDictionary.Term> terms() {
		return this.dictionary.list(null);
	}

	@PostMapping("/terms")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<UserDictionary.Term> addTerm(@RequestBody TermRequest request,
			@AuthenticationPrincipal Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.dictionary.add(request.term(), actor));
	}

	@DeleteMapping("/terms/{term}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> removeTerm(@PathVariable String term, @AuthenticationPrincipal Actor actor) {
		this.dictionary.remove(term, actor);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The case index: documents, size on disk, and a rebuild's progress.
	 */
	@GetMapping("/index")
	@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
	Map<String, Object> index() {
		long[] progress = this.maintenance.progress();
		return Map.of("documents", this.index.size(), "bytes", this.index.bytesOnDisk(), "rebuilding",
				(progress == null) ? Map.of() : Map.of("done", progress[0], "total", progress[1]));
	}

	/**
	 * Rebuilds the case index from PostgreSQL in the background.
	 */
	@PostMapping("/index/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Map<String, String>> rebuild() {
		if (this.maintenance.progress() != null) {
			throw new ConflictException("REBUILD_RUNNING", "insight.index.rebuilding");
		}
		Thread thread = new Thread(this.maintenance::rebuild, "insight-rebuild");
		thread.setDaemon(true);
		thread.start();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "REBUILDING"));
	}

	record TermRequest(String term) {
	}

}
