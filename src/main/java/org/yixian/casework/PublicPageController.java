package org.yixian.casework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Scope;
import org.yixian.organisation.UnitKind;
import org.yixian.organisation.Units;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;
import org.yixian.shared.PublicEndpoint;

/**
 * The citizens' pages: submit a demand from a phone, follow it by number and query code.
 */
@Controller
@RequestMapping("/public")
@PublicEndpoint
class PublicPageController {

	private final CaseIntake intake;

	private final CaseQueries queries;

	private final Units units;

	private final Categories categories;

	private final PublicRateLimiter limiter;

	PublicPageController(CaseIntake intake, CaseQueries queries, Units units, Categories categories,
			PublicRateLimiter limiter) {
		this.intake = intake;
		this.queries = queries;
		this.units = units;
		this.categories = categories;
		this.limiter = limiter;
	}

	@GetMapping("/demands/new")
	String form(Model model) {
		if (!model.containsAttribute("demand")) {
			model.addAttribute("demand", new CitizenDemand(DemandType.COMPLAINT, "", "", "", "", "", "", "", false));
		}
		return fill(model);
	}

	private String fill(Model model) {
		model.addAttribute("types", DemandType.values());
		model.addAttribute("areas",
				this.units.tree(new Scope("/"))
					.stream()
					.filter((u) -> u.kind() == UnitKind.STREET || u.kind() == UnitKind.COMMUNITY
							|| u.kind() == UnitKind.DISTRICT)
					.toList());
		model.addAttribute("categories", this.categories.all().stream().filter((c) -> c.publicService()).toList());
		return "public/demand";
	}

	@PostMapping("/demands")
	String submit(@Valid @ModelAttribute("demand") CitizenDemand demand, BindingResult result,
			HttpServletRequest request, Model model) {
		if (!result.hasErrors()) {
			this.limiter.check(request.getRemoteAddr());
			try {
				CaseView view = this.intake.intake(blankCategory(demand).toCase(), null, null).view();
				model.addAttribute("number", view.number());
				model.addAttribute("queryCode", view.queryCode());
				return "public/submitted";
			}
			catch (InvalidInputException ex) {
				FormErrors.apply(ex, result);
			}
		}
		return fill(model);
	}

	private static CitizenDemand blankCategory(CitizenDemand d) {
		boolean blank = d.categoryCode() == null || d.categoryCode().isBlank();
		return blank ? new CitizenDemand(d.type(), d.title(), d.content(), null, d.areaUnitCode(), d.address(),
				d.name(), d.phone(), d.confidential()) : d;
	}

	@GetMapping("/progress")
	String progress(@RequestParam(required = false) String number, @RequestParam(required = false) String queryCode,
			Model model) {
		model.addAttribute("number", number);
		if (number != null && queryCode != null && !number.isBlank()) {
			try {
				model.addAttribute("progress", this.queries.progress(number, queryCode));
			}
			catch (NotFoundException ex) {
				model.addAttribute("notFound", true);
			}
		}
		return "public/progress";
	}

}
