package org.yixian.petition;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.casework.CaseIntake;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseLists;
import org.yixian.casework.CaseView;
import org.yixian.casework.Channel;
import org.yixian.casework.NewCase;
import org.yixian.casework.PetitionClass;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.Paging;
import org.yixian.shared.TimeDisplay;

/**
 * The petition office's pages: registration of a walk-in, letter, call or web petition,
 * and the backlog (积案). Petitions are then worked on the common case page.
 */
@Controller
@RequestMapping("/petitions")
class PetitionPageController {

	static final List<Channel> CHANNELS = List.of(Channel.WALK_IN, Channel.LETTER, Channel.PHONE, Channel.WEB);

	private final CaseIntake intake;

	private final CaseLists lists;

	private final PetitionFacts facts;

	private final Units units;

	private final Categories categories;

	private final TimeDisplay times;

	private final Validator validator;

	PetitionPageController(CaseIntake intake, CaseLists lists, PetitionFacts facts, Units units, Categories categories,
			TimeDisplay times, Validator validator) {
		this.validator = validator;
		this.intake = intake;
		this.lists = lists;
		this.facts = facts;
		this.units = units;
		this.categories = categories;
		this.times = times;
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	String form(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("petitionForm")) {
			model.addAttribute("petitionForm", PetitionForm.empty());
		}
		fill(actor, model);
		return "petitions/register";
	}

	@PostMapping("/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	String register(@ModelAttribute("petitionForm") PetitionForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				NewCase command = form.toCommand(this.times.zone());
				Set<ConstraintViolation<NewCase>> violations = this.validator.validate(command);
				if (violations.isEmpty()) {
					CaseView view = this.intake.intake(command, actor, null).view();
					redirect.addFlashAttribute("createdNumber", view.number());
					redirect.addFlashAttribute("createdQueryCode", view.queryCode());
					return "redirect:/cases/" + view.id();
				}
				violations.forEach((v) -> reject(result, formField(v.getPropertyPath().toString()),
						v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()));
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach((e) -> reject(result, formField(e.field()), e.key(), e.args().toArray()));
			}
			catch (ConflictException ex) {
				FormErrors.apply(ex, result);
			}
		}
		fill(actor, model);
		return "petitions/register";
	}

	/**
	 * The form's name for a field the intake names.
	 */
	static String formField(String field) {
		return switch (field) {
			case "complainant.name" -> "name";
			case "complainant.phone" -> "phone";
			case "complainant.idNumber" -> "idNumber";
			default -> field;
		};
	}

	private static void reject(BindingResult result, String field, String key, Object... args) {
		try {
			result.rejectValue(field, key, args, key);
		}
		catch (RuntimeException notAField) {
			result.reject(key, args, key);
		}
	}

	@GetMapping("/backlog")
	@PreAuthorize("isAuthenticated()")
	String backlog(@RequestParam(required = false) Integer page, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("result", this.lists.backlog(this.facts.backlogCaseIds(), actor, Paging.of(page, 30)));
		return "petitions/backlog";
	}

	private void fill(Actor actor, Model model) {
		model.addAttribute("channels", CHANNELS);
		model.addAttribute("classes", PetitionClass.values());
		model.addAttribute("categories", this.categories.all());
		model.addAttribute("areas", this.units.tree(actor.scope()));
		model.addAttribute("allUnits", this.units.tree(new org.yixian.organisation.Scope("/")));
	}

}
