package org.yixian.frontline;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.frontline.ReceptionCommands.Cancellation;
import org.yixian.frontline.ReceptionCommands.NewBooking;
import org.yixian.frontline.ReceptionViews.Confirmation;
import org.yixian.frontline.ReceptionViews.PublicReception;
import org.yixian.frontline.SurveyCommands.SurveyAnswer;
import org.yixian.frontline.SurveyViews.PublicSurvey;
import org.yixian.shared.PublicEndpoint;

/**
 * Citizens, without an account: reception days ahead and their free slots, booking and
 * cancelling, and published surveys. Writes are rate-limited per client address.
 */
@RestController
@RequestMapping("/api/v1/public")
@PublicEndpoint
class PublicFrontlineApiController {

	private final Receptions receptions;

	private final ReceptionBookings bookings;

	private final Surveys surveys;

	private final SurveyAnswers answers;

	private final PublicLimiter limiter;

	PublicFrontlineApiController(Receptions receptions, ReceptionBookings bookings, Surveys surveys,
			SurveyAnswers answers, PublicLimiter limiter) {
		this.receptions = receptions;
		this.bookings = bookings;
		this.surveys = surveys;
		this.answers = answers;
		this.limiter = limiter;
	}

	@GetMapping("/receptions")
	List<PublicReception> receptions() {
		return this.receptions.upcoming();
	}

	@PostMapping("/receptions/{id}/bookings")
	@ResponseStatus(HttpStatus.CREATED)
	Confirmation book(@PathVariable long id, @Valid @RequestBody NewBooking booking, HttpServletRequest request) {
		this.limiter.check(request.getRemoteAddr());
		return this.bookings.book(id, booking);
	}

	@PostMapping("/bookings/cancel")
	Map<String, Boolean> cancel(@Valid @RequestBody Cancellation cancellation, HttpServletRequest request) {
		this.limiter.check(request.getRemoteAddr());
		this.bookings.cancel(cancellation.confirmationCode());
		return Map.of("cancelled", true);
	}

	@GetMapping("/surveys/{id}")
	PublicSurvey survey(@PathVariable long id) {
		return this.surveys.published(id);
	}

	@PostMapping("/surveys/{id}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Boolean> answer(@PathVariable long id, @Valid @RequestBody SurveyAnswer answer,
			HttpServletRequest request) {
		this.limiter.check(request.getRemoteAddr());
		this.answers.answer(id, answer);
		return Map.of("received", true);
	}

}
