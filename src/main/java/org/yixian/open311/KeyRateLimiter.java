package org.yixian.open311;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yixian.shared.RateLimitedException;
import org.yixian.shared.RateLimits;

/**
 * At most {@code yixian.open311.requests-per-minute} new requests per API key in each
 * minute, counted in PostgreSQL for all nodes ({@link RateLimits}).
 */
@Component
class KeyRateLimiter {

	private final RateLimits.Limiter limiter;

	KeyRateLimiter(@Value("${yixian.open311.requests-per-minute:120}") int perMinute, RateLimits limits) {
		this.limiter = limits.limiter("open311-key", perMinute, Integer.MAX_VALUE);
	}

	void check(String client) {
		try {
			this.limiter.check(client);
		}
		catch (RateLimitedException ex) {
			throw new GeoReportException(HttpStatus.TOO_MANY_REQUESTS, "rate limit exceeded for this api_key");
		}
	}

}
