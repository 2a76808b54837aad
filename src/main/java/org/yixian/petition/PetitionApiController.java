package org.yixian.petition;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.casework.CaseLists;
import org.yixian.casework.CaseSummary;
import org.yixian.organisation.Actor;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

@RestController
@RequestMapping("/api/v1/petitions")
class PetitionApiController {

	private final CaseLists lists;

	private final PetitionFacts facts;

	PetitionApiController(CaseLists lists, PetitionFacts facts) {
		this.lists = lists;
		this.facts = facts;
	}

	/**
	 * The backlog (积案) in the caller's scope: petitions past their clock, petitioned
	 * three times or more, or final with follow-up still owed.
	 */
	@GetMapping("/backlog")
	@PreAuthorize("isAuthenticated()")
	PageResult<CaseSummary> backlog(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor) {
		return this.lists.backlog(this.facts.backlogCaseIds(), actor, Paging.of(page, size));
	}

}
