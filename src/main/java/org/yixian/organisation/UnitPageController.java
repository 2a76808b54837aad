package org.yixian.organisation;

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
 * Administrators' pages for the unit tree.
 */
@Controller
@RequestMapping("/admin/units")
@PreAuthorize("hasRole('ADMIN')")
class UnitPageController {

	private final Units units;

	private final UserAccounts accounts;

	UnitPageController(Units units, UserAccounts accounts) {
		this.units = units;
		this.accounts = accounts;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) UnitKind kind,
			@RequestParam(required = false) Integer page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, @AuthenticationPrincipal Actor actor,
			Model model) {
		model.addAttribute("result", this.units.list(actor.scope(), q, kind, Paging.of(page, 200)));
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", UnitKind.values());
		if (htmx != null) {
			return "admin/units :: table";
		}
		if (!model.containsAttribute("unitForm")) {
			model.addAttribute("unitForm", new NewUnit("", "", null, ""));
		}
		model.addAttribute("parents", this.units.tree(actor.scope()));
		return "admin/units";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("unitForm") NewUnit form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Unit unit = this.units.create(form, actor);
				redirect.addFlashAttribute("notice", "unit.created");
				redirect.addFlashAttribute("noticeArg", unit.name());
				return "redirect:/admin/units/" + unit.code();
			}
			catch (InvalidInputException | ConflictException ex) {
				FormErrors.apply(ex, result);
			}
		}
		return list(null, null, null, null, actor, model);
	}

	@GetMapping("/{code}")
	String detail(@PathVariable String code, @AuthenticationPrincipal Actor actor, Model model) {
		Unit unit = this.units.require(code, actor.scope());
		model.addAttribute("unit", unit);
		model.addAttribute("children",
				this.units.tree(new Scope(unit.path())).stream().filter((u) -> u.depth() == unit.depth() + 1).toList());
		model.addAttribute("users", this.accounts.list(new Scope(unit.path()), null, new Paging(0, 50)));
		if (!model.containsAttribute("changeForm")) {
			model.addAttribute("changeForm", new UnitChange(unit.name(), unit.active(), unit.version()));
		}
		return "admin/unit";
	}

	@PostMapping("/{code}")
	String change(@PathVariable String code, @Valid @ModelAttribute("changeForm") UnitChange form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.units.change(code, form, actor);
				redirect.addFlashAttribute("notice", "unit.changed");
				return "redirect:/admin/units/" + code;
			}
			catch (ConflictException ex) {
				result.reject("error.staleVersion");
			}
		}
		return detail(code, actor, model);
	}

}
