package org.yixian.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yixian.shared.Paging;

@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
class AuditPageController {

	private final AuditLog audit;

	AuditPageController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) Integer page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("result", this.audit.search(new AuditQuery(actor, action, null, null), Paging.of(page, 30)));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		return (htmx != null) ? "admin/audit :: table" : "admin/audit";
	}

	@PostMapping("/verify")
	String verify(Model model) {
		model.addAttribute("check", this.audit.verify());
		return "admin/audit :: verification";
	}

}
