package org.yixian.frontline;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yixian.organisation.Actor;

/**
 * The leader's desk: {@code /leaders/desk} for the signed-in leader, and
 * {@code /leaders/{username}/desk} for a leader in the viewer's scope.
 */
@Controller
class DeskPageController {

	private final LeaderDesk desk;

	DeskPageController(LeaderDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/leaders/desk")
	@PreAuthorize("hasRole('LEADER')")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		return show(actor.getUsername(), actor, model);
	}

	@GetMapping("/leaders/{username}/desk")
	@PreAuthorize("isAuthenticated()")
	String show(@PathVariable String username, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("d", this.desk.of(username, actor));
		model.addAttribute("self", actor.getUsername().equals(username));
		return "frontline/desk";
	}

}
