package org.yixian.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} acts in any minute and {@code perDay} in any day per key (a
 * client address), in sliding windows held in memory. One helper for every public form
 * that citizens can send without an account; behind a proxy, Tomcat's
 * {@code RemoteIpValve} must be configured so that the address is the citizen's.
 */
public final class SlidingWindowLimiter {

	private static final int FORGET_ABOVE = 100_000;

	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	private final int perMinute;

	private final int perDay;

	private final Clock clock;

	public SlidingWindowLimiter(int perMinute, int perDay, Clock clock) {
		this.perMinute = perMinute;
		this.perDay = perDay;
		this.clock = clock;
	}

	/**
	 * Counts one act of this key.
	 * @throws RateLimitedException when the key has used its minute or its day
	 */
	public void check(String key) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.recent.computeIfAbsent(key, (k) -> new ArrayDeque<>());
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
		if (this.recent.size() > FORGET_ABOVE) {
			this.recent.entrySet().removeIf((e) -> {
				synchronized (e.getValue()) {
					return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minusSeconds(86_400));
				}
			});
		}
	}

}
