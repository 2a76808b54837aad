package org.yixian.casework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Scope;
import org.yixian.organisation.UnitKind;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;
import org.yixian.shared.PublicEndpoint;
import org.yixian.shared.RateLimitedException;

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
		model.addAttribute("formToken", newToken());
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

	/**
	 * Takes a citizen's demand: refused input and a rate limit re-show the form with what
	 * was typed; a saved demand redirects (post/redirect/get), and the form's token makes
	 * a second post of the same form answer with the first case.
	 */
	@PostMapping("/demands")
	String submit(@Valid @ModelAttribute("demand") CitizenDemand demand, BindingResult result,
			@RequestParam(required = false) String formToken, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("formToken", validToken(formToken) ? formToken.strip() : newToken());
		if (!result.hasErrors()) {
			try {
				this.limiter.check(request.getRemoteAddr());
				CaseIntake.Result saved = this.intake.intake(blankCategory(demand).toCase(), null,
						validToken(formToken) ? "public:" + formToken.strip() : null);
				redirect.addFlashAttribute("number", saved.view().number());
				redirect.addFlashAttribute("queryCode", saved.view().queryCode());
				redirect.addFlashAttribute("again", !saved.created());
				return "redirect:/public/demands/submitted";
			}
			catch (InvalidInputException | ConflictException ex) {
				FormErrors.apply(ex, result);
			}
			catch (RateLimitedException ex) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				result.reject("error.rateLimited");
			}
		}
		return fill(model);
	}

	/**
	 * The number and query code of the demand just submitted; reloading the page never
	 * submits again.
	 */
	@GetMapping("/demands/submitted")
	String submitted(Model model) {
		if (!model.containsAttribute("number")) {
			return "redirect:/public/progress";
		}
		return "public/submitted";
	}

	private static boolean validToken(String token) {
		return token != null && token.strip().matches("[A-Za-z0-9-]{8,64}");
	}

	private static String newToken() {
		return java.util.UUID.randomUUID().toString();
	}

	private static CitizenDemand blankCategory(CitizenDemand d) {
		boolean blank = d.categoryCode() == null || d.categoryCode().isBlank();
		return blank ? new CitizenDemand(d.type(), d.title(), d.content(), null, d.areaUnitCode(), d.address(),
				d.name(), d.phone(), d.confidential()) : d;
	}

	@GetMapping("/progress")
	String progress(@RequestParam(required = false) String number, @RequestParam(required = false) String queryCode,
			Model model) {
		return lookUp(number, queryCode, model);
	}

	/**
	 * The progress form posts, so that the query code stays out of addresses, histories
	 * and logs.
	 */
	@PostMapping("/progress")
	String progressPosted(@RequestParam(required = false) String number,
			@RequestParam(required = false) String queryCode, Model model) {
		return lookUp(number, queryCode, model);
	}

	private String lookUp(String number, String queryCode, Model model) {
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
