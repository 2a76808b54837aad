package org.yixian.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlidingWindowLimiterTests {

	@Test
	void a_client_gets_its_minute_then_waits_and_another_client_is_not_affected() {
		MovableClock clock = new MovableClock();
		SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, 5, clock);
		limiter.check("1.2.3.4");
		limiter.check("1.2.3.4");
		limiter.check("1.2.3.4");
		assertThatThrownBy(() -> limiter.check("1.2.3.4")).isInstanceOfSatisfying(RateLimitedException.class,
				(ex) -> assertThat(ex.retryAfterSeconds()).isEqualTo(60));
		limiter.check("5.6.7.8");
		clock.now = clock.now.plus(Duration.ofSeconds(61));
		limiter.check("1.2.3.4");
		limiter.check("1.2.3.4");
		assertThatThrownBy(() -> limiter.check("1.2.3.4")).isInstanceOfSatisfying(RateLimitedException.class,
				(ex) -> assertThat(ex.retryAfterSeconds()).isEqualTo(3600));
		clock.now = clock.now.plus(Duration.ofDays(1));
		limiter.check("1.2.3.4");
	}

	static final class MovableClock extends Clock {

		Instant now = Instant.parse("2026-03-10T02:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
