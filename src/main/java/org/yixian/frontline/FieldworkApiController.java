package org.yixian.frontline;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.frontline.DownVisits.DownVisitRecord;
import org.yixian.frontline.DownVisits.DownVisitView;
import org.yixian.frontline.DownVisits.NewDownVisit;
import org.yixian.frontline.ResearchVisits.NewFinding;
import org.yixian.frontline.ResearchVisits.ResearchView;
import org.yixian.frontline.SessionCommands.NewResearch;
import org.yixian.frontline.SessionCommands.NewSession;
import org.yixian.frontline.SessionCommands.NewTask;
import org.yixian.organisation.Actor;

/**
 * Down-visits, on-site office sessions and research visits.
 */
@RestController
@RequestMapping("/api/v1")
class FieldworkApiController {

	private final DownVisits downVisits;

	private final SiteSessions sessions;

	private final ResearchVisits research;

	FieldworkApiController(DownVisits downVisits, SiteSessions sessions, ResearchVisits research) {
		this.downVisits = downVisits;
		this.sessions = sessions;
		this.research = research;
	}

	@PostMapping("/down-visits")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('LEADER', 'OPERATOR', 'DISPATCHER')")
	DownVisitView planDownVisit(@Valid @RequestBody NewDownVisit command, @AuthenticationPrincipal Actor actor) {
		return this.downVisits.plan(command, actor);
	}

	@GetMapping("/down-visits")
	@PreAuthorize("isAuthenticated()")
	List<DownVisitView> downVisits(@AuthenticationPrincipal Actor actor) {
		return this.downVisits.list(actor);
	}

	@GetMapping("/down-visits/{id}")
	@PreAuthorize("isAuthenticated()")
	DownVisitView downVisit(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.downVisits.view(id, actor);
	}

	@PostMapping("/down-visits/{id}/record")
	@PreAuthorize("isAuthenticated()")
	DownVisitView recordDownVisit(@PathVariable long id, @Valid @RequestBody DownVisitRecord command,
			@AuthenticationPrincipal Actor actor) {
		return this.downVisits.record(id, command, actor);
	}

	@PostMapping("/site-sessions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('LEADER', 'OPERATOR', 'DISPATCHER')")
	SessionView createSession(@Valid @RequestBody NewSession command, @AuthenticationPrincipal Actor actor) {
		return this.sessions.create(command, actor);
	}

	@GetMapping("/site-sessions")
	@PreAuthorize("isAuthenticated()")
	List<SessionView> sessions(@AuthenticationPrincipal Actor actor) {
		return this.sessions.list(actor);
	}

	@GetMapping("/site-sessions/{id}")
	@PreAuthorize("isAuthenticated()")
	SessionView session(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.sessions.view(id, actor);
	}

	@PostMapping("/site-sessions/{id}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("isAuthenticated()")
	TaskView addTask(@PathVariable long id, @Valid @RequestBody NewTask command, @AuthenticationPrincipal Actor actor) {
		return this.sessions.addTask(id, command, actor);
	}

	@PostMapping("/site-sessions/{id}/actions/close")
	@PreAuthorize("isAuthenticated()")
	SessionView close(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.sessions.close(id, actor);
	}

	@PostMapping("/research-visits")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('LEADER', 'OPERATOR', 'DISPATCHER')")
	ResearchView createResearch(@Valid @RequestBody NewResearch command, @AuthenticationPrincipal Actor actor) {
		return this.research.create(command, actor);
	}

	@GetMapping("/research-visits")
	@PreAuthorize("isAuthenticated()")
	List<ResearchView> researchVisits(@AuthenticationPrincipal Actor actor) {
		return this.research.list(actor);
	}

	@GetMapping("/research-visits/{id}")
	@PreAuthorize("isAuthenticated()")
	ResearchView researchVisit(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.research.view(id, actor);
	}

	@PostMapping("/research-visits/{id}/findings")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("isAuthenticated()")
	ResearchView.Finding finding(@PathVariable long id, @Valid @RequestBody NewFinding command,
			@AuthenticationPrincipal Actor actor) {
		return this.research.addFinding(id, command, actor);
	}

}
