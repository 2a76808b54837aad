package org.yixian.integrity;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.organisation.Actor;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.Paging;
import org.yixian.shared.TimeDisplay;

/**
 * The flags page: filters by kind, unit and status, each flag with its evidence, and the
 * supervisor's confirm or dismiss with a note.
 */
@Controller
class FlagPageController {

	private final Flags flags;

	private final IntegrityScan scan;

	private final TimeDisplay times;

	private final MessageSource messages;

	FlagPageController(Flags flags, IntegrityScan scan, TimeDisplay times, MessageSource messages) {
		this.flags = flags;
		this.scan = scan;
		this.times = times;
		this.messages = messages;
	}

	private Evidence evidence(Flags.Flag flag, Locale locale) {
		return Evidence.of(flag, this.times,
				(key) -> this.messages.getMessage("integrity.ev." + key, null, key, locale));
	}

	@GetMapping("/integrity/flags")
	@PreAuthorize(FlagApiController.READERS)
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, @AuthenticationPrincipal Actor actor,
			Locale locale, Model model) {
		List<FieldMessage> problems = FlagFilters.problems();
		Flags.FlagQuery query = new FlagFilters(kind, unit, status).query(problems);
		if (!problems.isEmpty()) {
			query = new Flags.FlagQuery(null, null, null);
		}
		try {
			model.addAttribute("result",
					this.flags.list(query, actor, Paging.of(page, 20)).map((f) -> evidence(f, locale)));
		}
		catch (org.yixian.shared.InvalidInputException ex) {
			problems.addAll(ex.errors());
			model.addAttribute("result",
					this.flags.list(new Flags.FlagQuery(query.kind(), null, query.status()), actor, Paging.of(page, 20))
						.map((f) -> evidence(f, locale)));
		}
		model.addAttribute("filters", new FlagFilters(kind, unit, status));
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", FlagKind.values());
		model.addAttribute("statuses", FlagStatus.values());
		model.addAttribute("canReview", actor.has(org.yixian.organisation.Role.SUPERVISOR));
		return (htmx != null) ? "integrity/flags :: table" : "integrity/flags";
	}

	@PostMapping("/integrity/flags/{id}/review")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String review(@PathVariable long id, @ModelAttribute FlagFilters.Review review,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		List<FieldMessage> problems = FlagFilters.problems();
		FlagStatus decision = review.decision(problems);
		if (!problems.isEmpty()) {
			return refused(id, review, "integrity.reviewNeedsNote", redirect);
		}
		try {
			this.flags.review(id, decision, review.note(), actor);
		}
		catch (org.yixian.shared.InvalidInputException ex) {
			boolean tooLong = ex.errors().stream().anyMatch((e) -> "Size".equals(e.key()));
			return refused(id, review, tooLong ? "integrity.reviewNoteTooLong" : "integrity.reviewNeedsNote", redirect);
		}
		catch (org.yixian.shared.ConflictException ex) {
			return refused(id, review, ex.messageKey(), redirect);
		}
		catch (org.yixian.shared.ForbiddenException ex) {
			return refused(id, review, ex.getMessage(), redirect);
		}
		redirect.addFlashAttribute("notice", "integrity.reviewed." + decision.name());
		return "redirect:/integrity/flags";
	}

	/**
	 * Back to the list with the reason, and the note as typed in the flag's form.
	 */
	private static String refused(long id, FlagFilters.Review review, String reason, RedirectAttributes redirect) {
		redirect.addFlashAttribute("reviewProblem", id);
		redirect.addFlashAttribute("reviewNote", review.note());
		redirect.addFlashAttribute("reviewReason", reason);
		return "redirect:/integrity/flags#flag-" + id;
	}

	@PostMapping("/integrity/scan")
	@PreAuthorize(FlagApiController.READERS)
	String scan(RedirectAttributes redirect) {
		IntegrityScan.Result result = this.scan.scan();
		redirect.addFlashAttribute("notice", "integrity.scanned");
		redirect.addFlashAttribute("noticeArg", result.opened());
		return "redirect:/integrity/flags";
	}

}
