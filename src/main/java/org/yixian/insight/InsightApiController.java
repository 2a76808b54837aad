package org.yixian.insight;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.organisation.Actor;
import org.yixian.shared.InvalidInputException;

/**
 * The insight API at intake and on the case: similar cases and category suggestions.
 */
@RestController
@RequestMapping("/api/v1")
class InsightApiController {

	static final int MAX_LIMIT = 50;

	private final SimilarCases similar;

	private final CategoryModels models;

	InsightApiController(SimilarCases similar, CategoryModels models) {
		this.similar = similar;
		this.models = models;
	}

	/**
	 * Categories for a title and text, best first, with confidence and the words that
	 * drove each; empty while no model has been trained.
	 */
	@PostMapping("/insight/suggest-category")
	@PreAuthorize("isAuthenticated()")
	CategorySuggestion.Suggestions suggest(@RequestBody SuggestRequest request) {
		return this.models.suggest(request.title(), request.content(), 3, true);
	}

	/**
	 * The text of a case being registered.
	 */
	record SuggestRequest(String title, String content) {
	}

	/**
	 * Cases like this one, best first, with the reasons; only cases the caller may open.
	 */
	@GetMapping("/cases/{id}/similar")
	@PreAuthorize("isAuthenticated()")
	List<SimilarCase> similar(@PathVariable long id, @RequestParam(required = false) Integer limit,
			@AuthenticationPrincipal Actor actor) {
		return this.similar.forCase(id, actor, limit(limit));
	}

	static int limit(Integer limit) {
		if (limit == null) {
			return 10;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "Range", 1, MAX_LIMIT);
		}
		return limit;
	}

}
