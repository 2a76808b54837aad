package org.yixian.frontline;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.casework.CaseKind;
import org.yixian.casework.DemandType;
import org.yixian.casework.NewCase;
import org.yixian.casework.PetitionClass;
import org.yixian.catalog.Categories;
import org.yixian.frontline.PageForms.ReceptionForm;
import org.yixian.frontline.PageForms.VisitForm;
import org.yixian.frontline.ReceptionCommands.NewReception;
import org.yixian.frontline.ReceptionCommands.NewVisit;
import org.yixian.frontline.ReceptionCommands.VisitOutcome;
import org.yixian.frontline.ReceptionCommands.Visitor;
import org.yixian.frontline.ReceptionViews.VisitView;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.TimeDisplay;

/**
 * The reception days pages: the list with a form for a new day, and one day with its
 * bookings, its visits and the form that records a visit.
 */
@Controller
@RequestMapping("/receptions")
class ReceptionPageController {

	private final Receptions receptions;

	private final ReceptionVisits visits;

	private final Leaders leaders;

	private final Units units;

	private final Categories categories;

	private final TimeDisplay times;

	private final Checks checks;

	ReceptionPageController(Receptions receptions, ReceptionVisits visits, Leaders leaders, Units units,
			Categories categories, TimeDisplay times, Checks checks) {
		this.checks = checks;
		this.receptions = receptions;
		this.visits = visits;
		this.leaders = leaders;
		this.units = units;
		this.categories = categories;
		this.times = times;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new ReceptionForm(actor.getUsername(), "", actor.unitCode(), "", "", "", "10", ""));
		}
		return fillList(actor, model);
	}

	private String fillList(Actor actor, Model model) {
		model.addAttribute("receptions", this.receptions.list(actor));
		model.addAttribute("mayArrange", FrontlinePermissions.arranges(actor));
		model.addAttribute("leaders", this.leaders.within(actor));
		model.addAttribute("units", this.units.tree(actor.scope()));
		return "frontline/receptions";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('LEADER', 'OPERATOR', 'DISPATCHER')")
	String create(@ModelAttribute("form") ReceptionForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model) {
		try {
			NewReception command = new NewReception(form.leaderUsername(), form.leaderPost(), form.unitCode(),
					form.place(), PageForms.localTime(form.startsAt(), this.times.zone(), "startsAt"),
					PageForms.localTime(form.endsAt(), this.times.zone(), "endsAt"),
					PageForms.number(form.slots(), "slots"), form.topic());
			this.checks.require(command);
			return "redirect:/receptions/" + this.receptions.create(command, actor).id();
		}
		catch (InvalidInputException | ConflictException ex) {
			FormErrors.apply(ex, result);
		}
		return fillList(actor, model);
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	String show(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("visitForm")) {
			model.addAttribute("visitForm", VisitForm.empty());
		}
		return fillDay(id, actor, model);
	}

	private String fillDay(long id, Actor actor, Model model) {
		model.addAttribute("r", this.receptions.view(id, actor));
		model.addAttribute("outcomes", VisitOutcome.values());
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("types", DemandType.values());
		model.addAttribute("classes", PetitionClass.values());
		model.addAttribute("categories", this.categories.all());
		model.addAttribute("areas", this.units.tree(actor.scope()));
		return "frontline/reception";
	}

	@PostMapping("/{id}/visits")
	@PreAuthorize("isAuthenticated()")
	String visit(@PathVariable long id, @ModelAttribute("visitForm") VisitForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		try {
			VisitOutcome outcome = PageForms.choice(VisitOutcome.class, form.outcome(), "outcome");
			NewCase body = (outcome == VisitOutcome.CASE)
					? new NewCase(PageForms.choice(CaseKind.class, form.kind(), "kind"),
							PageForms.choice(DemandType.class, form.type(), "type"), null, form.title(), form.content(),
							form.categoryCode(), form.areaUnitCode(), form.address(), null, null, null, null,
							PageForms.choice(PetitionClass.class, form.petitionClass(), "petitionClass"), null, null)
					: null;
			NewVisit command = new NewVisit(form.confirmationCode(),
					new Visitor(form.name(), form.phone(), form.idNumber()), form.matter(), outcome, form.answer(),
					body);
			VisitView visit = this.visits.record(id, command, actor);
			redirect.addFlashAttribute("notice", "reception.visitRecorded");
			redirect.addFlashAttribute("createdNumber", visit.caseNumber());
			redirect.addFlashAttribute("createdCaseId", visit.caseId());
			redirect.addFlashAttribute("createdQueryCode", visit.queryCode());
			return "redirect:/receptions/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(PageForms.renamed(ex, ReceptionPageController::formField), result);
		}
		catch (ConflictException ex) {
			FormErrors.apply(ex, result);
		}
		return fillDay(id, actor, model);
	}

	private static String formField(String field) {
		if (field.startsWith("case.complainant.")) {
			return field.substring("case.complainant.".length());
		}
		if (field.startsWith("complainant.")) {
			return field.substring("complainant.".length());
		}
		return field.startsWith("case.") ? field.substring("case.".length()) : field;
	}

}
