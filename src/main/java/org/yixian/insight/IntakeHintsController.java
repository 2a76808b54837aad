package org.yixian.insight;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseQueries;
import org.yixian.casework.CaseView;
import org.yixian.organisation.Actor;

/**
 * The htmx fragments insight adds to casework's pages: hints while the operator types on
 * the console (suggested categories, possible repeats), and the similar cases on a case
 * page with one-click merging (并单) through the case's own {@code merge} action.
 */
@Controller
class IntakeHintsController {

	static final int LIMIT = 5;

	private final CategoryModels models;

	private final SimilarCases similar;

	private final CaseQueries queries;

	IntakeHintsController(CategoryModels models, SimilarCases similar, CaseQueries queries) {
		this.models = models;
		this.similar = similar;
		this.queries = queries;
	}

	@PostMapping("/insight/hints")
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	String hints(@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			@RequestParam(required = false) String areaUnitCode, @RequestParam(required = false) String address,
			@RequestParam(name = "complainant.phone", required = false) String phone,
			@RequestParam(required = false) String categoryCode, @RequestParam(required = false) CaseKind kind,
			@AuthenticationPrincipal Actor actor, Model model) {
		SimilarCases.Draft draft = new SimilarCases.Draft((kind != null) ? kind : CaseKind.DEMAND, clip(title, 200),
				clip(content, 4000), areaUnitCode, clip(address, 300), clip(phone, 20), categoryCode);
		if (draft.hasText()) {
			model.addAttribute("suggestions",
					this.models.suggest(draft.title(), draft.content(), 3, true).suggestions());
		}
		boolean byCaller = draft.phone() != null && draft.phone().strip().length() >= 7;
		model.addAttribute("similar",
				(draft.hasText() || byCaller) ? this.similar.forDraft(draft, actor, LIMIT) : List.of());
		model.addAttribute("typed", draft.hasText() || byCaller);
		return "insight/hints :: hints";
	}

	@GetMapping("/insight/cases/{id}/similar")
	@PreAuthorize("isAuthenticated()")
	String similar(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		CaseView view = this.queries.view(id, actor);
		model.addAttribute("c", view);
		model.addAttribute("similar", this.similar.forCase(id, actor, 10));
		model.addAttribute("mayMerge", view.can("merge"));
		model.addAttribute("mayLink", view.can("link"));
		return "insight/similar :: similar";
	}

	private static String clip(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
