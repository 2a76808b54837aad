package org.yixian.petition;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock stopped at 2026-03-10 10:00 in Shanghai, so that petitions
 * recorded in the winter of 2025/26 (Spring Festival included) stay inside the time the
 * app accepts, whenever the tests run.
 */
@TestConfiguration(proxyBeanMethods = false)
class FixedClock {

	static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
	}

}
