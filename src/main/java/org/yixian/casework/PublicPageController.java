package org.yixian.casework;

import java.util.List;

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
import org.springframework.web.multipart.MultipartFile;
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

	private final CaseQueries queries;

	private final Units units;

	private final Categories categories;

	private final PublicRateLimiter limiter;

	private final CitizenPhotos photos;

	private final CitizenSubmissions submissions;

	private final CaseWork work;

	PublicPageController(CaseQueries queries, Units units, Categories categories, PublicRateLimiter limiter,
			CitizenPhotos photos, CitizenSubmissions submissions, CaseWork work) {
		this.queries = queries;
		this.units = units;
		this.categories = categories;
		this.limiter = limiter;
		this.photos = photos;
		this.submissions = submissions;
		this.work = work;
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
		model.addAttribute("maxPhotos", this.photos.maxCount());
		model.addAttribute("maxPhotoMegabytes", this.photos.maxMegabytes());
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
			@RequestParam(required = false) String formToken,
			@RequestParam(name = CitizenPhotos.FIELD, required = false) List<MultipartFile> photoFiles,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		model.addAttribute("formToken", validToken(formToken) ? formToken.strip() : newToken());
		if (!result.hasErrors()) {
			try {
				this.limiter.check(request.getRemoteAddr());
				List<CitizenPhotos.Photo> checked;
				try {
					checked = this.photos.check(photoFiles);
				}
				catch (InvalidInputException ex) {
					response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
					model.addAttribute("photoProblem", ex.errors().get(0));
					return fill(model);
				}
				CaseIntake.Result saved = this.submissions.submit(blankCategory(demand).toCase(),
						validToken(formToken) ? "public:" + formToken.strip() : null, checked);
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
		long chosen = (photoFiles == null) ? 0 : photoFiles.stream().filter((f) -> f != null && !f.isEmpty()).count();
		if (chosen > 0) {
			// a browser cannot keep chosen files in a form shown again: say so, next to
			// the photo field, rather than drop them silently
			model.addAttribute("photosDropped", chosen);
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
		if (number == null && queryCode == null && model.containsAttribute("ratedNumber")) {
			// just rated (post/redirect/get): the number and code came as flash
			// attributes, never in the address
			number = (String) model.getAttribute("ratedNumber");
			queryCode = (String) model.getAttribute("ratedCode");
		}
		model.addAttribute("number", number);
		if (number != null && queryCode != null && !number.isBlank()) {
			try {
				PublicProgress progress = this.queries.progress(number, queryCode);
				model.addAttribute("progress", progress);
				model.addAttribute("queryCode", queryCode.strip());
				if (!model.containsAttribute("rating")) {
					model.addAttribute("rating", new OnlineRating(null, null, ""));
				}
			}
			catch (NotFoundException ex) {
				model.addAttribute("notFound", true);
			}
		}
		return "public/progress";
	}

	/**
	 * The citizen's own return visit: number and query code come in the form's body
	 * (never the address); a wrong pair is not found alike, a second rating or a case not
	 * awaiting its visit is refused with the page re-shown, a recorded rating redirects
	 * (post/redirect/get) to the progress page, which F5 only reads again.
	 */
	@PostMapping("/progress/rating")
	String rate(@Valid @ModelAttribute("rating") OnlineRating rating, BindingResult result,
			@RequestParam(required = false) String number, @RequestParam(required = false) String queryCode,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			this.limiter.check(request.getRemoteAddr());
		}
		catch (RateLimitedException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			result.reject("error.rateLimited");
			return lookUp(number, queryCode, model);
		}
		if (!result.hasErrors()) {
			try {
				this.work.rateOnline(number, queryCode, rating.answers(), request.getRemoteAddr(),
						request.getHeader("User-Agent"));
				redirect.addFlashAttribute("ratedNumber", number.strip());
				redirect.addFlashAttribute("ratedCode", queryCode.strip());
				redirect.addFlashAttribute("justRated", true);
				return "redirect:/public/progress";
			}
			catch (NotFoundException ex) {
				response.setStatus(HttpStatus.NOT_FOUND.value());
				model.addAttribute("number", number);
				model.addAttribute("notFound", true);
				return "public/progress";
			}
			catch (ConflictException ex) {
				response.setStatus(HttpStatus.CONFLICT.value());
				result.reject(ex.messageKey());
			}
			catch (InvalidInputException ex) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				FormErrors.apply(ex, result);
			}
		}
		else {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		String page = lookUp(number, queryCode, model);
		if (model.containsAttribute("notFound")) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		return page;
	}

	/**
	 * The rating form: 是否解决, 是否满意 and a comment, as typed.
	 */
	record OnlineRating(@jakarta.validation.constraints.NotBlank String resolved,
			@jakarta.validation.constraints.NotBlank String satisfaction,
			@jakarta.validation.constraints.Size(max = 2000) String note) {

		java.util.Map<String, Object> answers() {
			java.util.Map<String, Object> answers = new java.util.HashMap<>();
			answers.put("resolved", this.resolved);
			answers.put("satisfaction", this.satisfaction);
			if (this.note != null && !this.note.isBlank()) {
				answers.put("note", this.note.strip());
			}
			return answers;
		}

	}

}
