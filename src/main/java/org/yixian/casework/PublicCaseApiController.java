package org.yixian.casework;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.shared.PublicEndpoint;

/**
 * Citizens, without an account: submit a demand, follow it with number and query code,
 * rate it online once it was answered.
 */
@RestController
@RequestMapping("/api/v1/public")
@PublicEndpoint
class PublicCaseApiController {

	private final CaseIntake intake;

	private final CaseQueries queries;

	private final PublicRateLimiter limiter;

	private final CaseWork work;

	PublicCaseApiController(CaseIntake intake, CaseQueries queries, PublicRateLimiter limiter, CaseWork work) {
		this.work = work;
		this.intake = intake;
		this.queries = queries;
		this.limiter = limiter;
	}

	@PostMapping("/demands")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> submit(@Valid @RequestBody CitizenDemand demand, HttpServletRequest request) {
		this.limiter.check(request.getRemoteAddr());
		CaseView view = this.intake.intake(demand.toCase(), null, null).view();
		return Map.of("number", view.number(), "queryCode", view.queryCode());
	}

	/**
	 * The citizen's online rating (their return visit): {@code queryCode} in the body,
	 * never in the address. A wrong number or code is 404 alike; a second rating or a
	 * case not awaiting its visit is 409.
	 */
	@PostMapping("/cases/{number}/rating")
	PublicProgress rate(@PathVariable String number, @Valid @RequestBody Rating rating, HttpServletRequest request) {
		this.limiter.check(request.getRemoteAddr());
		Map<String, Object> answers = new java.util.HashMap<>();
		answers.put("resolved", rating.resolved());
		answers.put("satisfaction", rating.satisfaction());
		if (rating.note() != null && !rating.note().isBlank()) {
			answers.put("note", rating.note().strip());
		}
		this.work.rateOnline(number, rating.queryCode(), answers, request.getRemoteAddr(),
				request.getHeader("User-Agent"));
		return this.queries.progress(number, rating.queryCode());
	}

	/**
	 * {@code POST /api/v1/public/cases/{number}/rating}: the query code and the two
	 * answers of a return visit, with an optional comment.
	 */
	record Rating(
			@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String queryCode,
			@jakarta.validation.constraints.NotNull Resolution resolved,
			@jakarta.validation.constraints.NotNull Satisfaction satisfaction,
			@jakarta.validation.constraints.Size(max = 2000) String note) {
	}

	@GetMapping("/cases/{number}")
	PublicProgress progress(@PathVariable String number, @RequestParam String queryCode) {
		return this.queries.progress(number, queryCode);
	}

}
