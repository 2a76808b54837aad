package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages to citizens (SMS today) written in the same transaction as the change they
 * tell about; {@link OutboxRelay} hands them to the {@link CitizenMessageSender}.
 */
@Component
class Outbox {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	Outbox(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	void toCitizen(long caseId, String number, String phone, String messageKey, OffsetDateTime now) {
		if (phone == null || phone.isBlank()) {
			return;
		}
		String text = this.messages.getMessage(messageKey, new Object[] { number }, Locale.SIMPLIFIED_CHINESE);
		this.jdbc.sql("""
				insert into outbound_messages (case_id, channel, recipient, text, created_at, next_try_at)
				values (?, 'SMS', ?, ?, ?, ?)""").params(caseId, phone, text, now, now).update();
	}

}
