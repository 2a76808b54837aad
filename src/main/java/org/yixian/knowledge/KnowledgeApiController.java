package org.yixian.knowledge;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.organisation.Actor;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * {@code /api/v1/knowledge}: search the knowledge base as the caller may see it; an
 * administrator adds and edits the articles of the units they keep ({@code PUT} carries
 * the version read: a stale one is 409 {@code STALE_VERSION} naming what changed).
 */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeApiController {

	private final KnowledgeBase knowledge;

	KnowledgeApiController(KnowledgeBase knowledge) {
		this.knowledge = knowledge;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	PageResult<Article> list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor) {
		return this.knowledge.search(q, category, status, actor, Paging.of(page, size));
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	Article get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.knowledge.find(id, actor);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Article create(@RequestBody ArticleRequest request, @AuthenticationPrincipal Actor actor) {
		return this.knowledge.create(request.draft(), actor);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	Article update(@PathVariable long id, @RequestBody ArticleRequest request, @AuthenticationPrincipal Actor actor) {
		return this.knowledge.update(id, request.version(), request.draft(), actor);
	}

	/**
	 * An article as the API takes it; {@code version} only on {@code PUT}.
	 */
	record ArticleRequest(String title, String keywords, String answer, String categoryCode, String responsibleUnitCode,
			String ownerUnitCode, LocalDate validFrom, LocalDate validUntil, ArticleStatus status, Integer version) {

		ArticleDraft draft() {
			return new ArticleDraft(this.title, this.keywords, this.answer, this.categoryCode, this.responsibleUnitCode,
					this.ownerUnitCode, this.validFrom, this.validUntil, this.status);
		}

	}

}
