package org.yixian.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

	private final UserAccounts accounts;

	UserApiController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	UserView create(@Valid @RequestBody NewUser command, @AuthenticationPrincipal Actor actor) {
		return this.accounts.create(command, actor);
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'DISPATCHER')")
	PageResult<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor) {
		return this.accounts.list(actor.scope(), q, Paging.of(page, size));
	}

	@GetMapping("/me")
	@PreAuthorize("isAuthenticated()")
	UserView me(@AuthenticationPrincipal Actor actor) {
		return this.accounts.require(actor.getUsername(), actor.scope());
	}

	@GetMapping("/{username}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'DISPATCHER')")
	UserView get(@PathVariable String username, @AuthenticationPrincipal Actor actor) {
		return this.accounts.require(username, actor.scope());
	}

	@org.springframework.web.bind.annotation.PutMapping("/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	UserView change(@PathVariable String username, @Valid @RequestBody UserChange change,
			@AuthenticationPrincipal Actor actor) {
		return this.accounts.change(username, change, actor);
	}

	@PostMapping("/{username}/actions/enable")
	@PreAuthorize("hasRole('ADMIN')")
	UserView enable(@PathVariable String username, @AuthenticationPrincipal Actor actor) {
		return this.accounts.setEnabled(username, true, actor);
	}

	@PostMapping("/{username}/actions/disable")
	@PreAuthorize("hasRole('ADMIN')")
	UserView disable(@PathVariable String username, @AuthenticationPrincipal Actor actor) {
		return this.accounts.setEnabled(username, false, actor);
	}

	@PostMapping("/{username}/actions/unlock")
	@PreAuthorize("hasRole('ADMIN')")
	UserView unlock(@PathVariable String username, @AuthenticationPrincipal Actor actor) {
		return this.accounts.unlock(username, actor);
	}

	@PostMapping("/{username}/actions/reset-password")
	@PreAuthorize("hasRole('ADMIN')")
	void resetPassword(@PathVariable String username, @Valid @RequestBody NewPassword body,
			@AuthenticationPrincipal Actor actor) {
		this.accounts.resetPassword(username, body.password(), actor);
	}

	record NewPassword(@NotBlank String password) {
	}

}
