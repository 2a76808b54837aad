package org.yixian.portal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.organisation.Actor;
import org.yixian.organisation.UserAccounts;
import org.yixian.security.AccessTokens;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;

/**
 * My account: profile, password change and personal access tokens.
 */
@Controller
class AccountController {

	private final UserAccounts accounts;

	private final AccessTokens tokens;

	AccountController(UserAccounts accounts, AccessTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@GetMapping("/account")
	@PreAuthorize("isAuthenticated()")
	String account(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new PasswordForm("", "", ""));
		}
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", new TokenForm("", 90));
		}
		return fill(actor, model);
	}

	private String fill(Actor actor, Model model) {
		model.addAttribute("me", this.accounts.require(actor.getUsername(), actor.scope()));
		model.addAttribute("tokens", this.tokens.of(actor));
		return "account";
	}

	@PostMapping("/account/password")
	@PreAuthorize("isAuthenticated()")
	String changePassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors() && !form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				this.accounts.changeOwnPassword(actor, form.currentPassword(), form.newPassword());
				redirect.addFlashAttribute("notice", "account.passwordChanged");
				return "redirect:/account";
			}
			catch (InvalidInputException ex) {
				FormErrors.apply(ex, result);
			}
		}
		model.addAttribute("tokenForm", new TokenForm("", 90));
		return fill(actor, model);
	}

	@PostMapping("/account/tokens")
	@PreAuthorize("isAuthenticated()")
	String issueToken(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				var issued = this.tokens.issue(actor, form.name(), form.expiresInDays());
				redirect.addFlashAttribute("issuedToken", issued.token());
				return "redirect:/account";
			}
			catch (InvalidInputException ex) {
				FormErrors.apply(ex, result);
			}
		}
		model.addAttribute("passwordForm", new PasswordForm("", "", ""));
		return fill(actor, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	@PreAuthorize("isAuthenticated()")
	String revokeToken(@PathVariable long id, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		this.tokens.revoke(actor, id);
		redirect.addFlashAttribute("notice", "account.tokenRevoked");
		return "redirect:/account";
	}

	record PasswordForm(@NotBlank String currentPassword, @NotBlank @Size(min = 8, max = 128) String newPassword,
			@NotBlank String confirmPassword) {
	}

	record TokenForm(@Size(max = 60) String name, Integer expiresInDays) {
	}

}
