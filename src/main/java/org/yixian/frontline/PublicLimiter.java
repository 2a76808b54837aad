package org.yixian.frontline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yixian.shared.RateLimits;

/**
 * Limits what citizens send to frontline work without an account (bookings,
 * cancellations, survey answers) per client address.
 */
@Component
class PublicLimiter {

	private final RateLimits.Limiter limiter;

	PublicLimiter(@Value("${yixian.public.frontline-per-minute:20}") int perMinute,
			@Value("${yixian.public.frontline-per-day:200}") int perDay, RateLimits limits) {
		this.limiter = limits.limiter("frontline", perMinute, perDay);
	}

	void check(String client) {
		this.limiter.check(client);
	}

}
