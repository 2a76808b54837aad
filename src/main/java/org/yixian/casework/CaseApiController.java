package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.organisation.Actor;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

	private final CaseWork work;

	private final CaseQueries queries;

	private final CaseDocuments documents;

	private final CaseLists lists;

	private final IntakeGroups groups;

	CaseApiController(IntakeGroups groups, CaseWork work, CaseQueries queries, CaseDocuments documents,
			CaseLists lists) {
		this.groups = groups;
		this.lists = lists;
		this.work = work;
		this.queries = queries;
		this.documents = documents;
	}

	@GetMapping("/{id}/documents")
	@PreAuthorize("isAuthenticated()")
	List<CaseDocuments.Document> documents(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.documents.list(id, actor);
	}

	@GetMapping("/{id}/documents/{documentId}")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId,
			@AuthenticationPrincipal Actor actor) {
		CaseDocuments.Content content = this.documents.content(id, documentId, actor);
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					org.springframework.http.ContentDisposition.inline()
						.filename(content.fileName())
						.build()
						.toString())
			.body(content.bytes());
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
			description = "the case; with Prefer: return=minimal only id, number, queryCode, status and version",
			content = @io.swagger.v3.oas.annotations.media.Content(
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseView.class)))
	ResponseEntity<?> create(@Valid @RequestBody NewCase command,
			@RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(value = "Prefer", required = false) String prefer, @AuthenticationPrincipal Actor actor) {
		CaseIntake.Receipt receipt = this.groups.receive(command.withOrigin(null), actor, idempotencyKey,
				CaseIntake.Extras.NONE);
		HttpStatus status = receipt.created() ? HttpStatus.CREATED : HttpStatus.OK;
		if (prefer != null && prefer.contains("return=minimal")) {
			return ResponseEntity.status(status)
				.location(java.net.URI.create("/api/v1/cases/" + receipt.id()))
				.header("Preference-Applied", "return=minimal")
				.body(receipt);
		}
		return ResponseEntity.status(status)
			.body(this.queries.view(receipt.id(), actor).withQueryCode(receipt.queryCode()));
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	CaseView get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.queries.view(id, actor);
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	PageResult<CaseSummary> search(@RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) String unitCode, @RequestParam(required = false) CaseKind kind,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(required = false) CaseQuery.Inbox inbox, @RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) CaseQuery.Sort sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor) {
		return this.lists.search(new CaseQuery(status, unitCode, kind, overdue, q, from, to, inbox, categoryCode, sort),
				actor, Paging.of(page, size));
	}

	@PostMapping("/{id}/actions/{action}")
	@PreAuthorize("isAuthenticated()")
	CaseView act(@PathVariable long id, @PathVariable String action, @RequestBody Map<String, Object> body,
			@AuthenticationPrincipal Actor actor) {
		return this.work.act(id, action, body, actor);
	}

	/**
	 * The complainant in full, with a reason that goes to the operation log.
	 */
	@PostMapping("/{id}/reveal")
	@PreAuthorize("isAuthenticated()")
	CaseView reveal(@PathVariable long id, @RequestBody RevealRequest request, @AuthenticationPrincipal Actor actor) {
		return this.queries.reveal(id, request.reason(), actor);
	}

	/**
	 * Why a person needs to see a complainant's identity.
	 */
	record RevealRequest(String reason) {
	}

	@GetMapping("/{id}/possible-repeats")
	@PreAuthorize("isAuthenticated()")
	List<CaseView.CaseLink> possibleRepeats(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.queries.possibleRepeats(id, actor);
	}

}
