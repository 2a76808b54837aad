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
 * Citizens, without an account: submit a demand, follow it with number and query code.
 */
@RestController
@RequestMapping("/api/v1/public")
@PublicEndpoint
class PublicCaseApiController {

	private final CaseIntake intake;

	private final CaseQueries queries;

	private final PublicRateLimiter limiter;

	PublicCaseApiController(CaseIntake intake, CaseQueries queries, PublicRateLimiter limiter) {
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

	@GetMapping("/cases/{number}")
	PublicProgress progress(@PathVariable String number, @RequestParam String queryCode) {
		return this.queries.progress(number, queryCode);
	}

}
