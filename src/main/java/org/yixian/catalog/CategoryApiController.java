package org.yixian.catalog;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.shared.NotFoundException;

@RestController
@RequestMapping("/api/v1/categories")
class CategoryApiController {

	private final Categories categories;

	CategoryApiController(Categories categories) {
		this.categories = categories;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
	Category create(@Valid @RequestBody NewCategory command, @AuthenticationPrincipal UserDetails actor) {
		return this.categories.create(command, actor.getUsername(), null);
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<Category> tree() {
		return this.categories.tree();
	}

	@GetMapping("/{code}")
	@PreAuthorize("isAuthenticated()")
	Category get(@PathVariable String code) {
		return this.categories.findByCode(code).orElseThrow(() -> new NotFoundException(code));
	}

}
