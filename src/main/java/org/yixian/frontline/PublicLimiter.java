package org.yixian.frontline;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yixian.shared.SlidingWindowLimiter;

/**
 * Limits what citizens send to frontline work without an account (bookings,
 * cancellations, survey answers) per client address.
 */
@Component
class PublicLimiter {

	private final SlidingWindowLimiter limiter;

	PublicLimiter(@Value("${yixian.public.frontline-per-minute:20}") int perMinute,
			@Value("${yixian.public.frontline-per-day:200}") int perDay, Clock clock) {
		this.limiter = new SlidingWindowLimiter(perMinute, perDay, clock);
	}

	void check(String client) {
		this.limiter.check(client);
	}

}
