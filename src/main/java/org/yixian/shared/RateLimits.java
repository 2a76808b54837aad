package org.yixian.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-client limits counted in PostgreSQL, so that every node behind the load balancer
 * counts the same acts: at most {@code perMinute} in each calendar minute and
 * {@code perDay} in each UTC day. One statement increments both windows, each only while
 * below its limit (an upsert whose {@code where} sees the latest committed count, so
 * concurrent requests on several nodes cannot both take the last slot); the rare act that
 * fits one window but not the other is given back to the first. A refused act is not
 * counted. Old windows are deleted by {@link RateLimitCleanup}. Behind a proxy, Tomcat's
 * {@code RemoteIpValve} must be configured so that the address is the citizen's.
 */
@Component
public class RateLimits {

	private final JdbcClient jdbc;

	private final Clock clock;

	RateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A limiter for one kind of act ({@code scope}, at most 40 characters).
	 */
	public Limiter limiter(String scope, int perMinute, int perDay) {
		return new Limiter(scope, perMinute, perDay);
	}

	/**
	 * One kind of act and its limits.
	 */
	public final class Limiter {

		private final String scope;

		private final int perMinute;

		private final int perDay;

		private Limiter(String scope, int perMinute, int perDay) {
			this.scope = scope;
			this.perMinute = perMinute;
			this.perDay = perDay;
		}

		/**
		 * Counts one act of this client.
		 * @throws RateLimitedException when the client has used its minute or its day
		 */
		public void check(String client) {
			String key = (client.length() > 100) ? client.substring(0, 100) : client;
			Instant now = RateLimits.this.clock.instant();
			OffsetDateTime minute = now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
			OffsetDateTime day = now.truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
			List<String> counted = RateLimits.this.jdbc.sql("""
					insert into rate_counters as c (scope, client, span, window_start, hits)
					values (:scope, :client, 'm', :minute, 1), (:scope, :client, 'd', :day, 1)
					on conflict (scope, client, span, window_start) do update set hits = c.hits + 1
					where c.hits < (case c.span when 'm' then :perMinute else :perDay end)
					returning span""")
				.param("scope", this.scope)
				.param("client", key)
				.param("minute", minute)
				.param("day", day)
				.param("perMinute", this.perMinute)
				.param("perDay", this.perDay)
				.query(String.class)
				.list();
			boolean minuteOk = counted.contains("m");
			boolean dayOk = counted.contains("d");
			if (minuteOk && dayOk) {
				return;
			}
			if (minuteOk || dayOk) {
				RateLimits.this.jdbc.sql(
						"update rate_counters set hits = hits - 1 where scope = ? and client = ? and span = ? and window_start = ?")
					.params(this.scope, key, minuteOk ? "m" : "d", minuteOk ? minute : day)
					.update();
			}
			// the time until the window that refused opens again
			OffsetDateTime reopens = minuteOk ? day.plusDays(1) : minute.plusMinutes(1);
			throw new RateLimitedException(
					Math.max(1, java.time.Duration.between(now, reopens.toInstant()).toSeconds()));
		}

	}

}
