package org.yixian.routing;

import java.util.List;

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
import org.yixian.calendar.PeriodUnit;
import org.yixian.calendar.TimeLimit;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.InvalidInputException;

/**
 * Administrators' page for the dispatch catalogue and the time-limit policies.
 */
@Controller
@RequestMapping("/admin/routing")
@PreAuthorize("hasRole('ADMIN')")
class RoutingPageController {

	/** The demand types of the contract; routing keeps them as plain names. */
	static final List<String> DEMAND_TYPES = List.of("CONSULT", "HELP", "COMPLAINT", "REPORT", "SUGGESTION", "PRAISE");

	private final Routing routing;

	private final Units units;

	private final Categories categories;

	RoutingPageController(Routing routing, Units units, Categories categories) {
		this.routing = routing;
		this.units = units;
		this.categories = categories;
	}

	@GetMapping
	String page(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("rules", this.routing.rules());
		model.addAttribute("policies", this.routing.policies());
		model.addAttribute("units", this.units.tree(actor.scope()));
		model.addAttribute("categories", this.categories.all());
		model.addAttribute("unitNames",
				this.units.tree(actor.scope())
					.stream()
					.collect(java.util.stream.Collectors.toMap(org.yixian.organisation.Unit::code,
							org.yixian.organisation.Unit::name)));
		model.addAttribute("categoryNames",
				this.categories.all()
					.stream()
					.collect(java.util.stream.Collectors.toMap(org.yixian.catalog.Category::code,
							org.yixian.catalog.Category::name)));
		model.addAttribute("periodUnits", PeriodUnit.values());
		model.addAttribute("demandTypes", DEMAND_TYPES);
		return "admin/routing";
	}

	@PostMapping("/rules")
	String addRule(@RequestParam(required = false) String categoryCode, @RequestParam String areaUnitCode,
			@RequestParam String targetUnitCode, @RequestParam(required = false) List<String> copyUnitCodes,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		try {
			this.routing.addRule(new NewDispatchRule(blankToNull(categoryCode), areaUnitCode, targetUnitCode,
					(copyUnitCodes != null) ? copyUnitCodes : List.of()), actor);
			redirect.addFlashAttribute("notice", "routing.ruleAdded");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.errors().get(0).key());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", "routing.ruleExists");
		}
		return "redirect:/admin/routing";
	}

	@PostMapping("/rules/{id}/delete")
	String deleteRule(@PathVariable long id, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		this.routing.deleteRule(id, actor);
		redirect.addFlashAttribute("notice", "routing.ruleDeleted");
		return "redirect:/admin/routing";
	}

	@PostMapping("/time-limits")
	String addPolicy(@RequestParam NewTimeLimitPolicy.CaseKindName caseKind,
			@RequestParam(required = false) String type, @RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) Integer signAmount, @RequestParam(required = false) PeriodUnit signUnit,
			@RequestParam(required = false) Integer replyAmount, @RequestParam(required = false) PeriodUnit replyUnit,
			@RequestParam(required = false) Boolean replace, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect) {
		try {
			TimeLimit sign = (signAmount != null && signUnit != null) ? new TimeLimit(signAmount, signUnit) : null;
			TimeLimit reply = (replyAmount != null && replyUnit != null) ? new TimeLimit(replyAmount, replyUnit) : null;
			if ((sign != null && (sign.amount() < 1 || sign.amount() > 3650))
					|| (reply != null && (reply.amount() < 1 || reply.amount() > 3650))) {
				throw new InvalidInputException("amount", "Range", 1, 3650);
			}
			this.routing.addPolicy(new NewTimeLimitPolicy(caseKind, blankToNull(type), blankToNull(categoryCode), sign,
					reply, Boolean.TRUE.equals(replace)), actor);
			redirect.addFlashAttribute("notice", "routing.policySaved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.errors().get(0).key());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/admin/routing";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
