package org.yixian.frontline;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.frontline.PackageCases.PackageCase;
import org.yixian.organisation.Actor;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * A leader's package cases and desk, for the leader and for anyone whose scope covers
 * them.
 */
@RestController
@RequestMapping("/api/v1/leaders/{username}")
class LeaderApiController {

	private final PackageCases packages;

	private final LeaderDesk desk;

	LeaderApiController(PackageCases packages, LeaderDesk desk) {
		this.packages = packages;
		this.desk = desk;
	}

	/**
	 * The leader's package cases; with {@code subtree} also those of the leaders in the
	 * units below; {@code live} narrows to packages without (true) or with (false) an
	 * outcome. Each item says whether it is {@code late}.
	 */
	@GetMapping("/package-cases")
	@PreAuthorize("isAuthenticated()")
	PageResult<PackageCase> packageCases(@PathVariable String username,
			@RequestParam(defaultValue = "false") boolean subtree, @RequestParam(required = false) Boolean live,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal Actor actor) {
		return this.packages.of(username, subtree, live, actor, Paging.of(page, size));
	}

	@GetMapping("/desk")
	@PreAuthorize("isAuthenticated()")
	LeaderDesk.Desk desk(@PathVariable String username, @AuthenticationPrincipal Actor actor) {
		return this.desk.of(username, actor);
	}

}
