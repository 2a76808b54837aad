package org.yixian.insight;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.organisation.Actor;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * The category model page (its evaluation, the training runs with a progress bar that
 * refreshes itself while one runs, how often operators followed a suggestion) and the
 * user dictionary page.
 */
@Controller
class ModelPageController {

	private final CategoryModels models;

	private final ModelStore store;

	private final UserDictionary dictionary;

	private final CaseIndex index;

	private final IndexMaintenance maintenance;

	private final PageSupport pages;

	ModelPageController(CategoryModels models, ModelStore store, UserDictionary dictionary, CaseIndex index,
			IndexMaintenance maintenance, PageSupport pages) {
		this.models = models;
		this.store = store;
		this.dictionary = dictionary;
		this.index = index;
		this.maintenance = maintenance;
		this.pages = pages;
	}

	@GetMapping("/insight/model")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	String model(Model model) {
		model.addAttribute("models", this.store.models(10));
		model.addAttribute("acceptance", this.store.acceptance());
		runs(model);
		model.addAttribute("indexDocuments", this.index.size());
		model.addAttribute("indexBytes", this.index.bytesOnDisk());
		model.addAttribute("rebuild", this.maintenance.progress());
		return "insight/model";
	}

	@GetMapping("/insight/model/runs")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	String runs(Model model) {
		var runs = this.store.runs(10);
		model.addAttribute("runs", runs);
		model.addAttribute("running", runs.stream().anyMatch(ModelStore.TrainingRun::running));
		return "insight/fragments :: runs";
	}

	@PostMapping("/insight/model/train")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	String train(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		if (this.models.trainLater(actor.getUsername()).isEmpty()) {
			redirect.addFlashAttribute("problem", "insight.model.running");
		}
		return "redirect:/insight/model";
	}

	@GetMapping("/insight/terms")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	String terms(@RequestParam(required = false) String kind, Model model) {
		model.addAttribute("terms", this.dictionary.list(kind));
		model.addAttribute("kind", kind);
		return "insight/terms";
	}

	@PostMapping("/insight/terms")
	@PreAuthorize("hasRole('ADMIN')")
	String addTerm(@RequestParam(required = false) String term, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect) {
		try {
			this.dictionary.add((term == null) ? "" : term, actor);
			redirect.addFlashAttribute("notice", "insight.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("formErrors", this.pages.describe(ex));
			redirect.addFlashAttribute("typedTerm", term);
		}
		return "redirect:/insight/terms?kind=CUSTOM";
	}

	@PostMapping("/insight/terms/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String removeTerm(@RequestParam String term, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		try {
			this.dictionary.remove(term, actor);
			redirect.addFlashAttribute("notice", "insight.saved");
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("problem", "insight.class.unknown");
		}
		return "redirect:/insight/terms?kind=CUSTOM";
	}

}
