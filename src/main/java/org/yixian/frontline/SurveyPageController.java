package org.yixian.frontline;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

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
import org.yixian.frontline.SurveyCommands.NewQuestion;
import org.yixian.frontline.SurveyCommands.NewSurvey;
import org.yixian.frontline.SurveyCommands.QuestionKind;
import org.yixian.frontline.SurveyViews.QuestionResult;
import org.yixian.frontline.SurveyViews.Results;
import org.yixian.organisation.Actor;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;

/**
 * The survey pages: the list with a form for a new survey (question slots, options one
 * per line), and one survey's results charted (ECharts, data in attributes), with its
 * text answers and their key terms.
 */
@Controller
@RequestMapping("/surveys")
class SurveyPageController {

	static final int SLOTS = 6;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Surveys surveys;

	private final Checks checks;

	SurveyPageController(Surveys surveys, Checks checks) {
		this.surveys = surveys;
		this.checks = checks;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("form")) {
			List<QuestionForm> slots = new ArrayList<>();
			for (int i = 0; i < SLOTS; i++) {
				slots.add(new QuestionForm("", (i == 0) ? QuestionKind.SINGLE.name() : QuestionKind.TEXT.name(), ""));
			}
			model.addAttribute("form", new SurveyForm("", "", slots));
		}
		model.addAttribute("surveys", this.surveys.list(actor));
		model.addAttribute("mayWrite", Surveys.mayWrite(actor));
		model.addAttribute("kinds", QuestionKind.values());
		return "frontline/surveys";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('LEADER', 'ANALYST', 'SUPERVISOR', 'DISPATCHER')")
	String create(@ModelAttribute("form") SurveyForm form, BindingResult result, @AuthenticationPrincipal Actor actor,
			Model model) {
		List<NewQuestion> questions = new ArrayList<>();
		List<Integer> slotOf = new ArrayList<>();
		List<QuestionForm> slots = (form.questions() != null) ? form.questions() : List.of();
		for (int i = 0; i < slots.size(); i++) {
			QuestionForm q = slots.get(i);
			if (q != null && !Text.isBlank(q.text())) {
				List<String> options = (q.options() == null) ? List.of()
						: q.options().lines().map(String::strip).filter((o) -> !o.isEmpty()).toList();
				QuestionKind kind;
				try {
					kind = PageForms.choice(QuestionKind.class, q.kind(), "questions[" + i + "].kind");
				}
				catch (InvalidInputException ex) {
					kind = null;
				}
				questions.add(new NewQuestion(q.text(), kind, options));
				slotOf.add(i);
			}
		}
		try {
			NewSurvey command = this.checks.require(new NewSurvey(form.title(), form.intro(), questions));
			return "redirect:/surveys/" + this.surveys.create(command, actor).id();
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(PageForms.renamed(ex, (f) -> {
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("questions\\[(\\d+)\\](.*)").matcher(f);
				return m.matches() ? "questions[" + slotOf.get(Integer.parseInt(m.group(1))) + "]" + m.group(2) : f;
			}), result);
		}
		catch (ConflictException ex) {
			FormErrors.apply(ex, result);
		}
		return list(actor, model);
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	String show(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		Results results = this.surveys.results(id, actor);
		model.addAttribute("s", results);
		model.addAttribute("mayWrite", Surveys.mayWrite(actor));
		List<String> charts = new ArrayList<>();
		for (QuestionResult q : results.questions()) {
			charts
				.add((q.kind() == QuestionKind.TEXT) ? null
						: JSON.writeValueAsString(java.util.Map.of("labels",
								q.options().stream().map(SurveyViews.OptionCount::text).toList(), "counts",
								q.options().stream().map(SurveyViews.OptionCount::count).toList())));
		}
		model.addAttribute("charts", charts);
		return "frontline/survey";
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasAnyRole('LEADER', 'ANALYST', 'SUPERVISOR', 'DISPATCHER')")
	String publish(@PathVariable long id, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return move(id, true, actor, redirect);
	}

	@PostMapping("/{id}/close")
	@PreAuthorize("hasAnyRole('LEADER', 'ANALYST', 'SUPERVISOR', 'DISPATCHER')")
	String close(@PathVariable long id, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		return move(id, false, actor, redirect);
	}

	private String move(long id, boolean publish, Actor actor, RedirectAttributes redirect) {
		try {
			if (publish) {
				this.surveys.publish(id, actor);
			}
			else {
				this.surveys.close(id, actor);
			}
			redirect.addFlashAttribute("notice", publish ? "survey.publishedNotice" : "survey.closedNotice");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/surveys/" + id;
	}

	/**
	 * A survey as typed on the page.
	 */
	record SurveyForm(String title, String intro, List<QuestionForm> questions) {
	}

	/**
	 * A question slot: options one per line.
	 */
	record QuestionForm(String text, String kind, String options) {
	}

}
