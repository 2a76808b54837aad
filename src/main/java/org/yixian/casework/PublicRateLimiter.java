package org.yixian.casework;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yixian.shared.SlidingWindowLimiter;

/**
 * Limits citizens' submissions per client address: at most {@code per-minute} in any
 * minute and {@code per-day} in any day ({@link SlidingWindowLimiter}).
 */
@Component
class PublicRateLimiter {

	private final SlidingWindowLimiter limiter;

	PublicRateLimiter(@Value("${yixian.public.submissions-per-minute:5}") int perMinute,
			@Value("${yixian.public.submissions-per-day:50}") int perDay, Clock clock) {
		this.limiter = new SlidingWindowLimiter(perMinute, perDay, clock);
	}

	void check(String client) {
		this.limiter.check(client);
	}

}
