package org.yixian.casework;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.yixian.organisation.Actor;

@Controller
class NotificationPageController {

	private final Notifications notifications;

	NotificationPageController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	@PreAuthorize("isAuthenticated()")
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("notifications", this.notifications.latest(actor));
		return "cases/notifications";
	}

	/**
	 * Opens a notification: marks it read and goes to its case.
	 */
	@PostMapping("/notifications/{id}/open")
	@PreAuthorize("isAuthenticated()")
	String open(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.notifications.open(id, actor)
			.map((caseId) -> "redirect:/cases/" + caseId)
			.orElse("redirect:/notifications");
	}

	@PostMapping("/notifications/read")
	@PreAuthorize("isAuthenticated()")
	String markRead(@AuthenticationPrincipal Actor actor) {
		this.notifications.markAllRead(actor);
		return "redirect:/notifications";
	}

}
