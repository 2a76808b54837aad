package org.yixian.casework;

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
import org.yixian.organisation.Actor;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.TimeDisplay;

/**
 * The operator console (受理台): takes a call, a letter or a walk-in; categories and areas
 * may be typed by name; each rendered form carries a token so that a double post or back
 * and save again answers with the case already made; "save and next" returns to an empty
 * console with the number and query code to read out; the caller's earlier cases show as
 * the phone number is typed.
 */
@Controller
@RequestMapping("/cases")
class ConsolePageController {

	private final CaseIntake intake;

	private final ConsoleChoices choices;

	private final CaseLists lists;

	private final TimeDisplay times;

	private final Validator validator;

	private final org.springframework.beans.factory.ObjectProvider<AnswerSources> sources;

	ConsolePageController(CaseIntake intake, ConsoleChoices choices, CaseLists lists, TimeDisplay times,
			Validator validator, org.springframework.beans.factory.ObjectProvider<AnswerSources> sources) {
		this.intake = intake;
		this.sources = sources;
		this.choices = choices;
		this.lists = lists;
		this.times = times;
		this.validator = validator;
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	String console(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("caseForm")) {
			model.addAttribute("caseForm", ConsoleForm.empty());
		}
		fill(model, this.choices.categories(), this.choices.areas(actor));
		return "cases/console";
	}

	@PostMapping("/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	String take(@ModelAttribute("caseForm") ConsoleForm typed, BindingResult result,
			@RequestParam(required = false) String next, @AuthenticationPrincipal Actor actor, Model model,
			RedirectAttributes redirect) {
		List<ConsoleChoices.Choice> categories = this.choices.categories();
		List<ConsoleChoices.Choice> areas = this.choices.areas(actor);
		ConsoleForm form = typed.withCodes(ConsoleChoices.resolve(typed.categoryCode(), categories),
				ConsoleChoices.resolve(typed.areaUnitCode(), areas));
		NewCase command = result.hasErrors() ? null : checked(form, result);
		if (command != null) {
			try {
				CaseIntake.Result saved = this.intake.intake(command, actor, form.idempotencyKey());
				CaseView view = saved.view();
				redirect.addFlashAttribute("createdNumber", view.number());
				redirect.addFlashAttribute("createdQueryCode", view.queryCode());
				redirect.addFlashAttribute("createdId", view.id());
				if (!saved.created()) {
					redirect.addFlashAttribute("notice", "console.alreadySaved");
					return "redirect:/cases/" + view.id();
				}
				return (next != null) ? "redirect:/cases/new" : "redirect:/cases/" + view.id();
			}
			catch (InvalidInputException | ConflictException ex) {
				FormErrors.apply(ex, result);
			}
		}
		answerSource(form, model);
		fill(model, categories, areas);
		return "cases/console";
	}

	/**
	 * Names the knowledge article a refused form's answer came from, as the page did when
	 * the operator took it.
	 */
	private void answerSource(ConsoleForm form, Model model) {
		AnswerSources source = this.sources.getIfAvailable();
		String id = form.answerArticleId();
		if (source != null && id != null && id.strip().matches("[0-9]{1,18}")) {
			source.title(Long.parseLong(id.strip()))
				.ifPresent((title) -> model.addAttribute("answerSourceTitle", title));
		}
	}

	/**
	 * The intake's command from the form, or null with each field that cannot be read or
	 * breaks a bound rejected on the form.
	 */
	private NewCase checked(ConsoleForm form, BindingResult result) {
		NewCase command;
		try {
			command = form.toCommand(this.times.zone());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
			return null;
		}
		Set<ConstraintViolation<NewCase>> violations = this.validator.validate(command);
		violations.forEach((v) -> result.rejectValue(v.getPropertyPath().toString(),
				v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
				v.getConstraintDescriptor().getAttributes().containsKey("max")
						? new Object[] { v.getConstraintDescriptor().getAttributes().get("max") } : new Object[0],
				v.getMessage()));
		return violations.isEmpty() ? command : null;
	}

	/**
	 * 来电历史: the caller's earlier demands that the operator may see, newest first, as the
	 * number is typed (posted, so that phone numbers stay out of addresses and logs;
	 * petitions never show here — a petitioner's identity is revealed only with a
	 * reason).
	 */
	@PostMapping("/caller-history")
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	String callerHistory(@RequestParam(required = false) String phone,
			@RequestParam(name = "complainant.phone", required = false) String typed,
			@AuthenticationPrincipal Actor actor, Model model) {
		phone = (phone != null) ? phone : typed;
		List<CaseSummary> cases = this.lists.byCaller(phone, actor, 10);
		model.addAttribute("callerCases", cases);
		model.addAttribute("phone", (phone == null) ? "" : phone.strip());
		return "cases/caller-history :: history";
	}

	private static void fill(Model model, List<ConsoleChoices.Choice> categories, List<ConsoleChoices.Choice> areas) {
		model.addAttribute("types", DemandType.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", categories);
		model.addAttribute("areas", areas);
	}

}
