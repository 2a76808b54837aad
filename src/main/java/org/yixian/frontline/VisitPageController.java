package org.yixian.frontline;

import java.util.ArrayList;
import java.util.List;

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
import org.yixian.casework.CaseKind;
import org.yixian.casework.DemandType;
import org.yixian.casework.NewCase;
import org.yixian.frontline.PageForms.DownVisitForm;
import org.yixian.frontline.PageForms.DownVisitRecordForm;
import org.yixian.frontline.PageForms.FindingForm;
import org.yixian.frontline.PageForms.ResearchForm;
import org.yixian.frontline.SessionCommands.NewResearch;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;

/**
 * The pages of on-site office sessions, their tasks, research visits and down-visits.
 */
/**
 * The pages of research visits (调研) and down-visits (下访): lists with their forms, one
 * visit with the form that records what was found.
 */
@Controller
class VisitPageController {

	private final ResearchVisits research;

	private final DownVisits downVisits;

	private final Leaders leaders;

	private final Units units;

	private final Checks checks;

	VisitPageController(ResearchVisits research, DownVisits downVisits, Leaders leaders, Units units, Checks checks) {
		this.research = research;
		this.downVisits = downVisits;
		this.leaders = leaders;
		this.units = units;
		this.checks = checks;
	}

	private void pickers(Actor actor, Model model) {
		model.addAttribute("mayArrange", FrontlinePermissions.arranges(actor));
		model.addAttribute("leaders", this.leaders.within(actor));
		model.addAttribute("units", this.units.tree(actor.scope()));
	}

	@GetMapping("/research-visits")
	@PreAuthorize("isAuthenticated()")
	String researchVisits(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ResearchForm("", "", "", actor.getUsername()));
		}
		model.addAttribute("visits", this.research.list(actor));
		pickers(actor, model);
		return "frontline/research-visits";
	}

	@PostMapping("/research-visits")
	@PreAuthorize("hasAnyRole('LEADER', 'OPERATOR', 'DISPATCHER')")
	String createResearch(@ModelAttribute("form") ResearchForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model) {
		try {
			NewResearch command = this.checks.require(new NewResearch(form.topic(), form.places(),
					PageForms.date(form.date(), "date"), form.leaderUsername()));
			return "redirect:/research-visits/" + this.research.create(command, actor).id();
		}
		catch (InvalidInputException | ConflictException ex) {
			FormErrors.apply(ex, result);
		}
		return researchVisits(actor, model);
	}

	@GetMapping("/research-visits/{id}")
	@PreAuthorize("isAuthenticated()")
	String researchVisit(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("findingForm")) {
			model.addAttribute("findingForm", new FindingForm("", "", "", "", ""));
		}
		ResearchVisits.ResearchView visit = this.research.view(id, actor);
		model.addAttribute("v", visit);
		model.addAttribute("mayRecord", FrontlinePermissions.mayRecord(actor, visit.leaderId(), visit.unitPath()));
		model.addAttribute("units", this.units.tree(actor.scope()));
		return "frontline/research-visit";
	}

	@PostMapping("/research-visits/{id}/findings")
	@PreAuthorize("isAuthenticated()")
	String addFinding(@PathVariable long id, @ModelAttribute("findingForm") FindingForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		try {
			ResearchVisits.FindingTask task = Text.isBlank(form.ownerUnitCode()) ? null
					: new ResearchVisits.FindingTask(form.ownerUnitCode(), PageForms.date(form.dueDate(), "dueDate"));
			NewCase body = Text.isBlank(form.caseTitle()) ? null
					: new NewCase(CaseKind.DEMAND, DemandType.SUGGESTION, null, form.caseTitle(), form.text(), null,
							form.areaUnitCode(), null, null, null, null, null, null, null, null);
			ResearchVisits.ResearchView.Finding finding = this.research.addFinding(id,
					this.checks.require(new ResearchVisits.NewFinding(form.text(), task, body)), actor);
			redirect.addFlashAttribute("notice", "research.findingAdded");
			redirect.addFlashAttribute("createdNumber", finding.caseNumber());
			redirect.addFlashAttribute("createdCaseId", finding.caseId());
			return "redirect:/research-visits/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(PageForms.renamed(ex, (f) -> switch (f) {
				case "case.title" -> "caseTitle";
				case "case.areaUnitCode" -> "areaUnitCode";
				case "task.dueDate" -> "dueDate";
				default -> f;
			}), result);
		}
		catch (ConflictException ex) {
			FormErrors.apply(ex, result);
		}
		return researchVisit(id, actor, model);
	}

	@GetMapping("/down-visits")
	@PreAuthorize("isAuthenticated()")
	String downVisits(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new DownVisitForm(actor.getUsername(), "", "", "", ""));
		}
		model.addAttribute("visits", this.downVisits.list(actor));
		pickers(actor, model);
		return "frontline/down-visits";
	}

	@PostMapping("/down-visits")
	@PreAuthorize("hasAnyRole('LEADER', 'OPERATOR', 'DISPATCHER')")
	String planDownVisit(@ModelAttribute("form") DownVisitForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model) {
		try {
			List<Long> ids = new ArrayList<>();
			for (String part : (form.caseNumbers() != null) ? form.caseNumbers().split("[,，\\s]+") : new String[0]) {
				if (!part.isBlank()) {
					try {
						ids.add(Long.valueOf(part.strip()));
					}
					catch (NumberFormatException ex) {
						throw new InvalidInputException("caseNumbers", "typeMismatch");
					}
				}
			}
			DownVisits.NewDownVisit command = this.checks.require(new DownVisits.NewDownVisit(form.leaderUsername(),
					form.areaUnitCode(), PageForms.date(form.date(), "date"), form.purpose(), ids));
			return "redirect:/down-visits/" + this.downVisits.plan(command, actor).id();
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(PageForms.renamed(ex, (f) -> f.startsWith("caseIds") ? "caseNumbers" : f), result);
		}
		catch (ConflictException ex) {
			FormErrors.apply(ex, result);
		}
		return downVisits(actor, model);
	}

	@GetMapping("/down-visits/{id}")
	@PreAuthorize("isAuthenticated()")
	String downVisit(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("recordForm")) {
			model.addAttribute("recordForm", new DownVisitRecordForm("", "", "", ""));
		}
		DownVisits.DownVisitView visit = this.downVisits.view(id, actor);
		model.addAttribute("v", visit);
		model.addAttribute("mayRecord", FrontlinePermissions.mayRecord(actor, visit.leaderId(), visit.areaPath()));
		model.addAttribute("units", this.units.tree(actor.scope()));
		return "frontline/down-visit";
	}

	@PostMapping("/down-visits/{id}/record")
	@PreAuthorize("isAuthenticated()")
	String recordDownVisit(@PathVariable long id, @ModelAttribute("recordForm") DownVisitRecordForm form,
			BindingResult result, @AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		try {
			List<NewCase> cases = Text.isBlank(form.caseTitle()) ? List.of()
					: List.of(new NewCase(CaseKind.DEMAND, DemandType.HELP, null, form.caseTitle(), form.caseContent(),
							null, form.areaUnitCode(), null, null, null, null, null, null, null, null));
			this.downVisits.record(id, this.checks.require(new DownVisits.DownVisitRecord(form.findings(), cases)),
					actor);
			redirect.addFlashAttribute("notice", "downVisit.recordedNotice");
			return "redirect:/down-visits/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(PageForms.renamed(ex, (f) -> switch (f) {
				case "cases[0].title" -> "caseTitle";
				case "cases[0].content" -> "caseContent";
				case "cases[0].areaUnitCode" -> "areaUnitCode";
				default -> f;
			}), result);
		}
		catch (ConflictException ex) {
			FormErrors.apply(ex, result);
		}
		return downVisit(id, actor, model);
	}

}
