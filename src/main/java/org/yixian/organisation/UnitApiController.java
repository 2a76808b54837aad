package org.yixian.organisation;

import jakarta.validation.Valid;

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
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

	private final Units units;

	UnitApiController(Units units) {
		this.units = units;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Unit create(@Valid @RequestBody NewUnit command, @AuthenticationPrincipal Actor actor) {
		return this.units.create(command, actor);
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	PageResult<Unit> list(@RequestParam(required = false) String q, @RequestParam(required = false) UnitKind kind,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal Actor actor) {
		return this.units.list(actor.scope(), q, kind, Paging.of(page, size));
	}

	@GetMapping("/{code}")
	@PreAuthorize("isAuthenticated()")
	Unit get(@PathVariable String code, @AuthenticationPrincipal Actor actor) {
		return this.units.require(code, actor.scope());
	}

	@PutMapping("/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	Unit change(@PathVariable String code, @Valid @RequestBody UnitChange change,
			@AuthenticationPrincipal Actor actor) {
		return this.units.change(code, change, actor);
	}

}
