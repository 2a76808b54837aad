package org.yixian.open311;

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
class Open311AdminApiController {

	private final Open311Keys keys;

	private final ServiceAttributes attributes;

	Open311AdminApiController(Open311Keys keys, ServiceAttributes attributes) {
		this.keys = keys;
		this.attributes = attributes;
	}

	@PostMapping("/open311-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
	Open311Keys.IssuedKey issue(@RequestBody KeyRequest request, @AuthenticationPrincipal Actor actor) {
		return this.keys.issue(request.name(), actor);
	}

	@GetMapping("/open311-keys")
	@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
	List<Open311Keys.KeyInfo> keys() {
		return this.keys.all();
	}

	@DeleteMapping("/open311-keys/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
	void revoke(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		this.keys.revoke(id, actor);
	}

	@PostMapping("/categories/{code}/attributes")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
	ServiceAttribute define(@PathVariable String code, @Valid @RequestBody ServiceAttribute attribute,
			@AuthenticationPrincipal Actor actor) {
		return this.attributes.define(code, attribute, actor);
	}

	@GetMapping("/categories/{code}/attributes")
	@PreAuthorize("isAuthenticated()")
	List<ServiceAttribute> attributes(@PathVariable String code) {
		return this.attributes.of(code);
	}

	record KeyRequest(String name) {
	}

}
