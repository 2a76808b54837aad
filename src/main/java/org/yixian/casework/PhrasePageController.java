package org.yixian.casework;

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
import org.yixian.organisation.Actor;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;

/**
 * The 常用语 page: the phrases a person can insert into replies and notes, and adding or
 * removing their unit's own.
 */
@Controller
class PhrasePageController {

	private final ReplyPhrases phrases;

	PhrasePageController(ReplyPhrases phrases) {
		this.phrases = phrases;
	}

	@GetMapping("/phrases")
	@PreAuthorize("isAuthenticated()")
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("phraseForm")) {
			model.addAttribute("phraseForm", new PhraseForm("", "", ""));
		}
		model.addAttribute("phrases", this.phrases.visibleTo(actor));
		return "cases/phrases";
	}

	@PostMapping("/phrases")
	@PreAuthorize("hasAnyRole('HANDLER', 'OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
	String add(@ModelAttribute("phraseForm") PhraseForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		try {
			this.phrases.add(form.title(), form.text(), "true".equals(form.cityWide()), actor);
			redirect.addFlashAttribute("notice", "phrases.added");
			return "redirect:/phrases";
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
		}
		catch (org.yixian.shared.ForbiddenException ex) {
			// only city administrators add city-wide phrases: said on the box, the text
			// kept
			result.rejectValue("cityWide", ex.getMessage(), ex.getMessage());
		}
		model.addAttribute("phrases", this.phrases.visibleTo(actor));
		return "cases/phrases";
	}

	@PostMapping("/phrases/{id}/delete")
	@PreAuthorize("hasAnyRole('HANDLER', 'OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
	String remove(@PathVariable long id, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		this.phrases.remove(id, actor);
		redirect.addFlashAttribute("notice", "phrases.removed");
		return "redirect:/phrases";
	}

	/**
	 * The add form as typed.
	 */
	record PhraseForm(String title, String text, String cityWide) {
	}

}
