package org.yixian.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
import org.yixian.shared.ConflictException;
import org.yixian.shared.InvalidInputException;

/**
 * The insight pages for leaders, supervisors and analysts: the overview (warnings and the
 * period's problem classes), a class with its volume chart, streets, units, cases and
 * dossiers (analysts rename, confirm and merge it), the warnings fragment of the
 * workbench, and the 每月一题 board.
 */
@Controller
class InsightPageController {

	static final String READERS = "hasAnyRole('LEADER', 'ANALYST', 'SUPERVISOR', 'ADMIN')";

	static final String EDITORS = "hasAnyRole('ANALYST', 'ADMIN')";

	private final ClassQueries queries;

	private final ClassEditing editing;

	private final ProblemClasses classes;

	private final EarlyWarnings warnings;

	private final MonthlyThemes themes;

	private final Dossiers dossiers;

	private final PageSupport pages;

	private final java.time.Clock clock;

	InsightPageController(ClassQueries queries, ClassEditing editing, ProblemClasses classes, EarlyWarnings warnings,
			MonthlyThemes themes, Dossiers dossiers, PageSupport pages, java.time.Clock clock) {
		this.clock = clock;
		this.queries = queries;
		this.editing = editing;
		this.classes = classes;
		this.warnings = warnings;
		this.themes = themes;
		this.dossiers = dossiers;
		this.pages = pages;
	}

	@GetMapping("/insight")
	@PreAuthorize(READERS)
	String overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor, Model model) {
		ClassQueries.Period period = this.queries.period(from, to);
		model.addAttribute("period", period);
		model.addAttribute("warnings", this.warnings.current(actor));
		model.addAttribute("classes", this.queries.list(period, null, actor));
		return "insight/overview";
	}

	@PostMapping("/insight/recluster")
	@PreAuthorize(EDITORS)
	String recluster(RedirectAttributes redirect) {
		ProblemClasses.Result result = this.classes.recluster();
		redirect.addFlashAttribute("notice", "insight.reclustered");
		redirect.addFlashAttribute("noticeArg", result.cases() + " / " + result.joined() + " / " + result.created());
		return "redirect:/insight";
	}

	@GetMapping("/insight/warnings")
	@PreAuthorize("isAuthenticated()")
	String warningsFragment(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("warnings", this.warnings.current(actor));
		return "insight/fragments :: warnings";
	}

	@GetMapping("/insight/classes/{id}")
	@PreAuthorize(READERS)
	String problemClass(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		ClassQueries.Period period = this.queries.period(LocalDate.now(this.clock).minusDays(89), null);
		ClassQueries.ClassDetail detail = this.queries.detail(id, period, actor);
		model.addAttribute("d", detail);
		List<String> labels = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		detail.perDay().forEach((day, count) -> {
			labels.add(day.getMonthValue() + "-" + day.getDayOfMonth());
			counts.add(count);
		});
		Map<String, List<? extends Number>> series = new LinkedHashMap<>();
		series.put(this.pages.text("insight.class.volume"), counts);
		model.addAttribute("chartJson", PageSupport.chart("bar", labels, series));
		model.addAttribute("dossiers", this.dossiers.ofClass(id));
		model.addAttribute("others",
				this.queries.list(this.queries.period(null, null), null, actor)
					.stream()
					.filter((k) -> k.id() != id)
					.toList());
		return "insight/class";
	}

	@PostMapping("/insight/classes/{id}/rename")
	@PreAuthorize(EDITORS)
	String rename(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String title,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return edit(id, redirect, () -> this.editing.rename(id, version, title, actor));
	}

	@PostMapping("/insight/classes/{id}/confirm")
	@PreAuthorize(EDITORS)
	String confirm(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect) {
		return edit(id, redirect, () -> this.editing.confirm(id, version, actor));
	}

	@PostMapping("/insight/classes/{id}/merge")
	@PreAuthorize(EDITORS)
	String merge(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Long intoId,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		if (intoId == null) {
			redirect.addFlashAttribute("formErrors",
					this.pages.describe(new InvalidInputException("intoId", "NotNull")));
			return "redirect:/insight/classes/" + id;
		}
		edit(id, redirect, () -> this.editing.merge(id, version, intoId, actor));
		boolean merged = "insight.saved".equals(redirect.getFlashAttributes().get("notice"));
		return "redirect:/insight/classes/" + (merged ? intoId : id);
	}

	private String edit(long id, RedirectAttributes redirect, Runnable change) {
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
		return "redirect:/insight/classes/" + id;
	}

	@GetMapping("/insight/board")
	@PreAuthorize(READERS)
	String board(@RequestParam(required = false) String month, @AuthenticationPrincipal Actor actor, Model model) {
		YearMonth selected;
		try {
			selected = this.themes.month(month);
		}
		catch (java.time.format.DateTimeParseException ex) {
			selected = this.themes.month(null);
		}
		model.addAttribute("month", selected);
		model.addAttribute("themes", this.themes.rank(selected, actor));
		return "insight/board";
	}

}
