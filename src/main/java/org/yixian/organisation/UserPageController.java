package org.yixian.organisation;

import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.Paging;

/**
 * Administrators' pages for user accounts.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserPageController {

	private final UserAccounts accounts;

	private final Units units;

	UserPageController(UserAccounts accounts, Units units) {
		this.accounts = accounts;
		this.units = units;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, @AuthenticationPrincipal Actor actor,
			Model model) {
		model.addAttribute("result", this.accounts.list(actor.scope(), q, Paging.of(page, 20)));
		model.addAttribute("q", q);
		model.addAttribute("now", java.time.OffsetDateTime.now());
		if (htmx != null) {
			return "admin/users :: table";
		}
		if (!model.containsAttribute("userForm")) {
			model.addAttribute("userForm", new NewUser("", "", "", "", Set.of(), ""));
		}
		model.addAttribute("units", this.units.tree(actor.scope()));
		model.addAttribute("roles", Role.values());
		return "admin/users";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("userForm") NewUser form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				UserView user = this.accounts.create(form, actor);
				redirect.addFlashAttribute("notice", "user.created");
				redirect.addFlashAttribute("noticeArg", user.displayName());
				return "redirect:/admin/users/" + user.username();
			}
			catch (InvalidInputException | ConflictException ex) {
				FormErrors.apply(ex, result);
			}
		}
		return list(null, null, null, actor, model);
	}

	@GetMapping("/{username}")
	String detail(@PathVariable String username, @AuthenticationPrincipal Actor actor, Model model) {
		UserView user = this.accounts.require(username, actor.scope());
		model.addAttribute("user", user);
		model.addAttribute("now", java.time.OffsetDateTime.now());
		model.addAttribute("units", this.units.tree(actor.scope()));
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("changeForm")) {
			model.addAttribute("changeForm",
					new UserChange(user.displayName(), user.unitCode(), user.roles(), user.phone(), user.version()));
		}
		return "admin/user";
	}

	@PostMapping("/{username}")
	String change(@PathVariable String username, @Valid @ModelAttribute("changeForm") UserChange form,
			BindingResult result, @AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.accounts.change(username, form, actor);
				redirect.addFlashAttribute("notice", "user.changedNotice");
				return "redirect:/admin/users/" + username;
			}
			catch (InvalidInputException | ConflictException ex) {
				if (!FormErrors.apply(ex, result)) {
					result.reject("error.staleVersion");
				}
			}
		}
		return detail(username, actor, model);
	}

	@PostMapping("/{username}/enable")
	String enable(@PathVariable String username, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return act(username, redirect, () -> this.accounts.setEnabled(username, true, actor), "user.enabledNotice");
	}

	@PostMapping("/{username}/disable")
	String disable(@PathVariable String username, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return act(username, redirect, () -> this.accounts.setEnabled(username, false, actor), "user.disabledNotice");
	}

	@PostMapping("/{username}/unlock")
	String unlock(@PathVariable String username, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return act(username, redirect, () -> this.accounts.unlock(username, actor), "user.unlockedNotice");
	}

	@PostMapping("/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam String password,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return act(username, redirect, () -> this.accounts.resetPassword(username, password, actor),
				"user.passwordResetNotice");
	}

	private String act(String username, RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.errors().get(0).key());
		}
		return "redirect:/admin/users/" + username;
	}

}
