package org.yixian.insight;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;

/**
 * Typical-case dossiers on pages: written by analysts from a class page; the measures
 * (tasks with an owner unit and a due date) marked done by their owners; the volume
 * before and after as figures and a chart.
 */
@Controller
class DossierPageController {

	private final Dossiers dossiers;

	private final Units units;

	private final PageSupport pages;

	DossierPageController(Dossiers dossiers, Units units, PageSupport pages) {
		this.dossiers = dossiers;
		this.units = units;
		this.pages = pages;
	}

	@PostMapping("/insight/classes/{classId}/dossiers")
	@PreAuthorize(InsightPageController.EDITORS)
	String create(@PathVariable long classId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String rootCause, @RequestParam(required = false) String lessons,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate measuresFrom,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		try {
			long id = this.dossiers.create(classId, new DossierForm(title, rootCause, lessons, measuresFrom), actor);
			return "redirect:/insight/dossiers/" + id;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("formErrors", this.pages.describe(ex));
			return "redirect:/insight/classes/" + classId;
		}
	}

	@GetMapping("/insight/dossiers/{id}")
	@PreAuthorize(InsightPageController.READERS + " or hasRole('HANDLER')")
	String show(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		DossierView view = this.dossiers.view(id, actor);
		model.addAttribute("v", view);
		if (view.figures() != null) {
			Map<String, List<? extends Number>> series = new LinkedHashMap<>();
			series.put(this.pages.text("insight.dossier.perWeek"),
					List.of(view.figures().beforePerWeek(), view.figures().afterPerWeek()));
			model.addAttribute("chartJson", PageSupport.chart("bar",
					List.of(this.pages.text("insight.dossier.before"), this.pages.text("insight.dossier.after")),
					series));
		}
		model.addAttribute("units", this.units.tree(actor.scope()));
		return "insight/dossier";
	}

	@PostMapping("/insight/dossiers/{id}")
	@PreAuthorize(InsightPageController.EDITORS)
	String update(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String title,
			@RequestParam(required = false) String rootCause, @RequestParam(required = false) String lessons,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate measuresFrom,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.dossiers.update(id, version,
				new DossierForm(title, rootCause, lessons, measuresFrom), actor));
	}

	@PostMapping("/insight/dossiers/{id}/measures")
	@PreAuthorize(InsightPageController.EDITORS)
	String addMeasure(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) String ownerUnitCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.dossiers.addMeasure(id, text, ownerUnitCode, dueDate, actor));
	}

	@PostMapping("/insight/dossiers/{id}/measures/{measureId}/complete")
	@PreAuthorize(InsightPageController.READERS + " or hasRole('HANDLER')")
	String complete(@PathVariable long id, @PathVariable long measureId, @RequestParam int version,
			@RequestParam(required = false) String evidence, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.dossiers.completeMeasure(id, measureId, version, evidence, actor));
	}

	private String act(long id, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", "insight.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("formErrors", this.pages.describe(ex));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		catch (ForbiddenException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/insight/dossiers/" + id;
	}

}
