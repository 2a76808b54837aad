package org.yixian.integrity;

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
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * Flags over the API: supervisors (and administrators) list them within their unit
 * subtree, read one with its evidence, and confirm or dismiss it with a note; a scan of
 * the aggregate patterns can be started on demand.
 */
@RestController
@RequestMapping("/api/v1/integrity")
class FlagApiController {

	static final String READERS = "hasAnyRole('SUPERVISOR', 'ADMIN')";

	private final Flags flags;

	private final IntegrityScan scan;

	FlagApiController(Flags flags, IntegrityScan scan) {
		this.flags = flags;
		this.scan = scan;
	}

	@GetMapping("/flags")
	@PreAuthorize(READERS)
	PageResult<Flags.Flag> list(@RequestParam(required = false) String kind,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal Actor actor) {
		List<FieldMessage> problems = FlagFilters.problems();
		Flags.FlagQuery query = new FlagFilters(kind, unit, status).query(problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return this.flags.list(query, actor, Paging.of(page, size));
	}

	@GetMapping("/flags/{id}")
	@PreAuthorize(READERS)
	Flags.Flag get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.flags.get(id, actor);
	}

	@PostMapping("/flags/{id}/review")
	@PreAuthorize("hasRole('SUPERVISOR')")
	Flags.Flag review(@PathVariable long id, @RequestBody FlagFilters.Review review,
			@AuthenticationPrincipal Actor actor) {
		List<FieldMessage> problems = FlagFilters.problems();
		FlagStatus decision = review.decision(problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return this.flags.review(id, decision, review.note(), actor);
	}

	@PostMapping("/scan")
	@PreAuthorize(READERS)
	IntegrityScan.Result scan() {
		return this.scan.scan();
	}

}
