package org.yixian.routing;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.organisation.Actor;

@RestController
@RequestMapping("/api/v1")
class RoutingApiController {

	private final Routing routing;

	RoutingApiController(Routing routing) {
		this.routing = routing;
	}

	@PostMapping("/dispatch-rules")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	DispatchRule addRule(@Valid @RequestBody NewDispatchRule command, @AuthenticationPrincipal Actor actor) {
		return this.routing.addRule(command, actor);
	}

	@GetMapping("/dispatch-rules")
	@PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER', 'OPERATOR', 'SUPERVISOR', 'LEADER')")
	List<DispatchRule> rules() {
		return this.routing.rules();
	}

	@DeleteMapping("/dispatch-rules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('ADMIN')")
	void deleteRule(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		this.routing.deleteRule(id, actor);
	}

	@PostMapping("/time-limits")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
	TimeLimitPolicy addPolicy(@Valid @RequestBody NewTimeLimitPolicy command, @AuthenticationPrincipal Actor actor) {
		return this.routing.addPolicy(command, actor);
	}

	@GetMapping("/time-limits")
	@PreAuthorize("isAuthenticated()")
	List<TimeLimitPolicy> policies() {
		return this.routing.policies();
	}

}
