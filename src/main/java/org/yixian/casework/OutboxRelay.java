package org.yixian.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims pending citizen messages with {@code FOR UPDATE SKIP LOCKED} (so several
 * instances can share the work), sends them, and retries failures with exponential
 * backoff.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final CitizenMessageSender sender;

	private final Clock clock;

	OutboxRelay(JdbcClient jdbc, ObjectProvider<CitizenMessageSender> senders, Clock clock) {
		this.jdbc = jdbc;
		this.sender = senders.getIfAvailable(
				() -> (channel, recipient, text) -> log.info("[{} → {}] {}", channel, mask(recipient), text));
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${yixian.outbox.poll:5s}")
	@Transactional
	public void relay() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		List<Pending> batch = this.jdbc.sql("""
				select id, channel, recipient, text, attempts from outbound_messages
				where sent_at is null and next_try_at <= ? and attempts < 10
				order by id limit 50 for update skip locked""")
			.param(now)
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient"),
					rs.getString("text"), rs.getInt("attempts")))
			.list();
		for (Pending message : batch) {
			try {
				this.sender.send(message.channel(), message.recipient(), message.text());
				this.jdbc.sql("update outbound_messages set sent_at = ?, attempts = attempts + 1 where id = ?")
					.params(now, message.id())
					.update();
			}
			catch (RuntimeException ex) {
				OffsetDateTime retry = now.plusMinutes(1L << Math.min(message.attempts(), 10));
				this.jdbc.sql(
						"update outbound_messages set attempts = attempts + 1, next_try_at = ?, last_error = ? where id = ?")
					.params(retry, String.valueOf(ex.getMessage()), message.id())
					.update();
			}
		}
	}

	static String mask(String phone) {
		return (phone.length() > 7) ? phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4) : "****";
	}

	private record Pending(long id, String channel, String recipient, String text, int attempts) {
	}

}
