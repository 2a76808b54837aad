package org.yixian.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yixian.shared.RateLimitedException;

/**
 * Limits citizens' submissions per client address: at most {@code per-minute} in any
 * minute and {@code per-day} in any day (sliding windows, in memory; behind a proxy,
 * Tomcat's {@code RemoteIpValve} must be configured so that the address is the
 * citizen's).
 */
@Component
class PublicRateLimiter {

	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	private final int perMinute;

	private final int perDay;

	private final Clock clock;

	PublicRateLimiter(@Value("${yixian.public.submissions-per-minute:5}") int perMinute,
			@Value("${yixian.public.submissions-per-day:50}") int perDay, Clock clock) {
		this.perMinute = perMinute;
		this.perDay = perDay;
		this.clock = clock;
	}

	void check(String client) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.recent.computeIfAbsent(client, (k) -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().isBefore(now.minusSeconds(86_400))) {
				times.pollFirst();
			}
			long lastMinute = times.stream().filter((t) -> t.isAfter(now.minusSeconds(60))).count();
			if (lastMinute >= this.perMinute) {
				throw new RateLimitedException(60);
			}
			if (times.size() >= this.perDay) {
				throw new RateLimitedException(3600);
			}
			times.addLast(now);
		}
		if (this.recent.size() > 100_000) {
			this.recent.entrySet().removeIf((e) -> {
				synchronized (e.getValue()) {
					return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minusSeconds(86_400));
				}
			});
		}
	}

}
