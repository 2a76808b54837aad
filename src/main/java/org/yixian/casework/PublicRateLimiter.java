package org.yixian.casework;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yixian.shared.RateLimits;

/**
 * Limits citizens' submissions per client address: at most {@code per-minute} in any
 * minute and {@code per-day} in any day counted in PostgreSQL for all nodes
 * ({@link RateLimits}).
 */
@Component
class PublicRateLimiter {

	private final RateLimits.Limiter limiter;

	PublicRateLimiter(@Value("${yixian.public.submissions-per-minute:5}") int perMinute,
			@Value("${yixian.public.submissions-per-day:50}") int perDay, RateLimits limits) {
		this.limiter = limits.limiter("submissions", perMinute, perDay);
	}

	void check(String client) {
		this.limiter.check(client);
	}

}
