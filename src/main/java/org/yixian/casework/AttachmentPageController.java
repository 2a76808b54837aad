package org.yixian.casework;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.organisation.Actor;
import org.yixian.shared.InvalidInputException;

/**
 * Attachments from the case page (session sign-in).
 */
@Controller
class AttachmentPageController {

	private final Attachments attachments;

	AttachmentPageController(Attachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping("/cases/{id}/attachments")
	@PreAuthorize("isAuthenticated()")
	String upload(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		try {
			Attachments.Attachment added = this.attachments.add(id, file, actor);
			redirect.addFlashAttribute("notice", "attachment.added");
			redirect.addFlashAttribute("noticeArg", added.fileName());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.errors().get(0).key());
		}
		return "redirect:/cases/" + id;
	}

	@GetMapping("/cases/{id}/attachments/{attachmentId}")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId,
			@RequestParam(required = false) String view, @AuthenticationPrincipal Actor actor) {
		return AttachmentResponses.download(this.attachments.open(id, attachmentId, actor), "inline".equals(view));
	}

}
