package org.yixian.frontline;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.frontline.PageForms.SessionForm;
import org.yixian.frontline.PageForms.TaskForm;
import org.yixian.frontline.SessionCommands.Completion;
import org.yixian.frontline.SessionCommands.NewSession;
import org.yixian.frontline.SessionCommands.NewTask;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;

/**
 * The pages of on-site office sessions and their tasks: the list, a session with its
 * tasks, and the forms that add, complete (with evidence and photos) and close.
 */
@Controller
class SessionPageController {

	private final SiteSessions sessions;

	private final Tasks tasks;

	private final TaskPhotos photos;

	private final Leaders leaders;

	private final Units units;

	private final Checks checks;

	SessionPageController(SiteSessions sessions, Tasks tasks, TaskPhotos photos, Leaders leaders, Units units,
			Checks checks) {
		this.sessions = sessions;
		this.tasks = tasks;
		this.photos = photos;
		this.leaders = leaders;
		this.units = units;
		this.checks = checks;
	}

	private void pickers(Actor actor, Model model) {
		model.addAttribute("mayArrange", FrontlinePermissions.arranges(actor));
		model.addAttribute("leaders", this.leaders.within(actor));
		model.addAttribute("units", this.units.tree(actor.scope()));
	}

	@GetMapping("/site-sessions")
	@PreAuthorize("isAuthenticated()")
	String sessions(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new SessionForm("", "", "", actor.getUsername(), List.of()));
		}
		model.addAttribute("sessions", this.sessions.list(actor));
		pickers(actor, model);
		return "frontline/sessions";
	}

	@PostMapping("/site-sessions")
	@PreAuthorize("hasAnyRole('LEADER', 'OPERATOR', 'DISPATCHER')")
	String createSession(@ModelAttribute("form") SessionForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model) {
		try {
			NewSession command = this.checks.require(new NewSession(form.title(), form.place(),
					PageForms.date(form.date(), "date"), form.leaderUsername(), form.attendeeUnitCodes()));
			return "redirect:/site-sessions/" + this.sessions.create(command, actor).id();
		}
		catch (InvalidInputException | ConflictException ex) {
			FormErrors.apply(ex, result);
		}
		return sessions(actor, model);
	}

	@GetMapping("/site-sessions/{id}")
	@PreAuthorize("isAuthenticated()")
	String session(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("taskForm")) {
			model.addAttribute("taskForm", new TaskForm("", "", ""));
		}
		SessionView session = this.sessions.view(id, actor);
		model.addAttribute("s", session);
		model.addAttribute("mayRecord", FrontlinePermissions.mayRecord(actor, session.leaderId(), session.unitPath()));
		model.addAttribute("units", this.units.tree(actor.scope()));
		return "frontline/session";
	}

	@PostMapping("/site-sessions/{id}/tasks")
	@PreAuthorize("isAuthenticated()")
	String addTask(@PathVariable long id, @ModelAttribute("taskForm") TaskForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		try {
			NewTask command = this.checks.require(
					new NewTask(form.problem(), form.ownerUnitCode(), PageForms.date(form.dueDate(), "dueDate"), null));
			this.sessions.addTask(id, command, actor);
			redirect.addFlashAttribute("notice", "task.added");
			return "redirect:/site-sessions/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
		}
		catch (ConflictException ex) {
			model.addAttribute("problem", ex.messageKey());
		}
		return session(id, actor, model);
	}

	@PostMapping("/site-sessions/{id}/close")
	@PreAuthorize("isAuthenticated()")
	String close(@PathVariable long id, @AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		try {
			this.sessions.close(id, actor);
			redirect.addFlashAttribute("notice", "session.closedNotice");
		}
		catch (ConflictException | ForbiddenException ex) {
			redirect.addFlashAttribute("problem",
					(ex instanceof ConflictException conflict) ? conflict.messageKey() : "frontline.mayNotRecord");
		}
		return "redirect:/site-sessions/" + id;
	}

	@GetMapping("/tasks")
	@PreAuthorize("isAuthenticated()")
	String tasks(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("tasks", this.tasks.openFor(actor));
		return "frontline/tasks";
	}

	@PostMapping("/tasks/{id}/complete")
	@PreAuthorize("isAuthenticated()")
	String complete(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String evidence, @RequestParam(required = false) String back,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		try {
			this.tasks.complete(id, new Completion((version != null) ? version : -1, evidence), actor);
			redirect.addFlashAttribute("notice", "task.completed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", "task.evidenceRequired");
			redirect.addFlashAttribute("typedEvidence", evidence);
			redirect.addFlashAttribute("typedTask", id);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:" + back(back);
	}

	@PostMapping("/tasks/{id}/photos")
	@PreAuthorize("isAuthenticated()")
	String photo(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String back, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect) {
		try {
			this.photos.add(id, file, actor);
			redirect.addFlashAttribute("notice", "task.photoAdded");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", "task.photoRefused");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:" + back(back);
	}

	@GetMapping("/tasks/{id}/photos/{photoId}")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> showPhoto(@PathVariable long id, @PathVariable long photoId,
			@AuthenticationPrincipal Actor actor) {
		return TaskApiController.photoResponse(this.photos.get(id, photoId, actor));
	}

	/**
	 * Where to go back after a task form: a local page only.
	 */
	private static String back(String back) {
		return (back != null && back.matches("/(tasks|site-sessions/\\d+|research-visits/\\d+)")) ? back : "/tasks";
	}

}
