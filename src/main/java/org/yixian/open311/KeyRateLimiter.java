package org.yixian.open311;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * At most {@code yixian.open311.requests-per-minute} new requests per API key (sliding
 * minute).
 */
@Component
class KeyRateLimiter {

	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	private final int perMinute;

	private final Clock clock;

	KeyRateLimiter(@Value("${yixian.open311.requests-per-minute:120}") int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	void check(String client) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.recent.computeIfAbsent(client, (k) -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().isBefore(now.minusSeconds(60))) {
				times.pollFirst();
			}
			if (times.size() >= this.perMinute) {
				throw new GeoReportException(HttpStatus.TOO_MANY_REQUESTS, "rate limit exceeded for this api_key");
			}
			times.addLast(now);
		}
	}

}
