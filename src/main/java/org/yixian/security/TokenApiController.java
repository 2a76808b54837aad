package org.yixian.security;

import java.util.List;

import jakarta.validation.constraints.Size;

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
@RequestMapping("/api/v1/tokens")
class TokenApiController {

	private final AccessTokens tokens;

	TokenApiController(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("isAuthenticated() and !hasAuthority('AUTH_TOKEN')")
	AccessTokens.IssuedToken issue(@RequestBody(required = false) TokenRequest request,
			@AuthenticationPrincipal Actor actor) {
		TokenRequest body = (request != null) ? request : new TokenRequest(null, null);
		return this.tokens.issue(actor, body.name(), body.expiresInDays());
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<AccessToken> mine(@AuthenticationPrincipal Actor actor) {
		return this.tokens.of(actor);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("isAuthenticated()")
	void revoke(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		this.tokens.revoke(actor, id);
	}

	record TokenRequest(@Size(max = 60) String name, Integer expiresInDays) {
	}

}
