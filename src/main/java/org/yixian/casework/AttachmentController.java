package org.yixian.casework;

import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yixian.organisation.Actor;

@RestController
@RequestMapping("/api/v1/cases/{id}/attachments")
class AttachmentController {

	private final Attachments attachments;

	AttachmentController(Attachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("isAuthenticated()")
	Attachments.Attachment upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal Actor actor) {
		return this.attachments.add(id, file, actor);
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<Attachments.Attachment> list(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.attachments.list(id, actor);
	}

	@GetMapping("/{attachmentId}")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal Actor actor) {
		return AttachmentResponses.download(this.attachments.open(id, attachmentId, actor));
	}

}
