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
import org.yixian.frontline.ReceptionCommands.NewReception;
import org.yixian.frontline.ReceptionCommands.NewVisit;
import org.yixian.frontline.ReceptionViews.ReceptionSummary;
import org.yixian.frontline.ReceptionViews.ReceptionView;
import org.yixian.frontline.ReceptionViews.VisitView;
import org.yixian.organisation.Actor;

@RestController
@RequestMapping("/api/v1/receptions")
class ReceptionApiController {

	private final Receptions receptions;

	private final ReceptionVisits visits;

	ReceptionApiController(Receptions receptions, ReceptionVisits visits) {
		this.receptions = receptions;
		this.visits = visits;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('LEADER', 'OPERATOR', 'DISPATCHER')")
	ReceptionView create(@Valid @RequestBody NewReception command, @AuthenticationPrincipal Actor actor) {
		return this.receptions.create(command, actor);
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<ReceptionSummary> list(@AuthenticationPrincipal Actor actor) {
		return this.receptions.list(actor);
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	ReceptionView get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.receptions.view(id, actor);
	}

	@PostMapping("/{id}/visits")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("isAuthenticated()")
	VisitView visit(@PathVariable long id, @Valid @RequestBody NewVisit command, @AuthenticationPrincipal Actor actor) {
		return this.visits.record(id, command, actor);
	}

}
