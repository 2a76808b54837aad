package org.yixian.open311;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.organisation.Actor;
import org.yixian.shared.InvalidInputException;

/**
 * Administrators issue and revoke Open311 API keys.
 */
@Controller
@RequestMapping("/admin/open311")
@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
class Open311PageController {

	private final Open311Keys keys;

	Open311PageController(Open311Keys keys) {
		this.keys = keys;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("keys", this.keys.all());
		return "admin/open311";
	}

	@PostMapping("/keys")
	String issue(@RequestParam(required = false) String name, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("issuedKey", this.keys.issue(name, actor).key());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", "open311.nameRequired");
		}
		return "redirect:/admin/open311";
	}

	@PostMapping("/keys/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		this.keys.revoke(id, actor);
		redirect.addFlashAttribute("notice", "open311.revoked");
		return "redirect:/admin/open311";
	}

}
