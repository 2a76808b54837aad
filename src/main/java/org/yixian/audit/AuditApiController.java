package org.yixian.audit;

import java.time.OffsetDateTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
class AuditApiController {

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	PageResult<AuditEntry> search(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.audit.search(new AuditQuery(actor, action, from, to), Paging.of(page, size));
	}

	@GetMapping("/verify")
	ChainCheck verify() {
		return this.audit.verify();
	}

}
