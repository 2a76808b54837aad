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
import org.yixian.frontline.SurveyCommands.NewSurvey;
import org.yixian.frontline.SurveyViews.Results;
import org.yixian.frontline.SurveyViews.SurveySummary;
import org.yixian.organisation.Actor;

@RestController
@RequestMapping("/api/v1/surveys")
class SurveyApiController {

	private final Surveys surveys;

	SurveyApiController(Surveys surveys) {
		this.surveys = surveys;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('LEADER', 'ANALYST', 'SUPERVISOR', 'DISPATCHER')")
	SurveySummary create(@Valid @RequestBody NewSurvey command, @AuthenticationPrincipal Actor actor) {
		return this.surveys.create(command, actor);
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<SurveySummary> list(@AuthenticationPrincipal Actor actor) {
		return this.surveys.list(actor);
	}

	@PostMapping("/{id}/actions/publish")
	@PreAuthorize("hasAnyRole('LEADER', 'ANALYST', 'SUPERVISOR', 'DISPATCHER')")
	SurveySummary publish(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.surveys.publish(id, actor);
	}

	@PostMapping("/{id}/actions/close")
	@PreAuthorize("hasAnyRole('LEADER', 'ANALYST', 'SUPERVISOR', 'DISPATCHER')")
	SurveySummary close(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.surveys.close(id, actor);
	}

	@GetMapping("/{id}/results")
	@PreAuthorize("isAuthenticated()")
	Results results(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.surveys.results(id, actor);
	}

}
