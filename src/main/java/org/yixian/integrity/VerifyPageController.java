package org.yixian.integrity;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yixian.organisation.Actor;
import org.yixian.shared.NotFoundException;

/**
 * The city administrators' verify page: starts a verify-audit run, follows its progress
 * (the run's card polls itself while it runs) and lists earlier runs with their first
 * broken links.
 */
@Controller
@RequestMapping("/admin/integrity/verify")
@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
class VerifyPageController {

	private final AuditVerification verification;

	VerifyPageController(AuditVerification verification) {
		this.verification = verification;
	}

	@GetMapping
	String page(@RequestParam(required = false) Long run, Model model) {
		var runs = this.verification.recent(20);
		model.addAttribute("runs", runs);
		model.addAttribute("current",
				(run != null) ? this.verification.get(run).orElse(null) : runs.stream().findFirst().orElse(null));
		return "integrity/verify";
	}

	@PostMapping
	String start(@AuthenticationPrincipal Actor actor) {
		long id = this.verification.start(actor.getUsername());
		return "redirect:/admin/integrity/verify?run=" + id;
	}

	/**
	 * The run's card while it runs; once it has ended, a polling page reloads itself so
	 * that the list of runs shows the outcome too.
	 */
	@GetMapping("/{id}")
	String progress(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
			HttpServletResponse response, Model model) {
		AuditVerification.Run run = this.verification.get(id).orElseThrow(() -> new NotFoundException("run " + id));
		if (htmx != null && !run.running()) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("r", run);
		return "integrity/run :: run";
	}

}
