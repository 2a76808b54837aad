package org.yixian.casework;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readable case numbers, {@code D} (demand) or {@code X} (petition) + date + a daily
 * sequence ({@code D20261129000123}), and unguessable query codes.
 * <p>
 * The daily counter is bumped in a short transaction of its own so that concurrent
 * intakes wait on its row lock only for that moment, not for their whole transaction; it
 * commits asynchronously, which is safe because any case that uses the number commits
 * durably after it (a WAL flush covers every earlier record), and a number lost with a
 * crash was never given to anyone. Gaps are possible and harmless.
 */
@Component
class CaseNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	CaseNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public String next(CaseKind kind, LocalDate day) {
		this.jdbc.sql("set local synchronous_commit = off").update();
		String prefix = (kind == CaseKind.PETITION) ? "X" : "D";
		int sequence = this.jdbc.sql("""
				insert into case_number_counters (prefix, day, last) values (?, ?, 1)
				on conflict (prefix, day) do update set last = case_number_counters.last + 1
				returning last""").params(prefix, day).query(Integer.class).single();
		return prefix + day.format(DAY) + String.format("%06d", sequence);
	}

	static String newQueryCode() {
		char[] code = new char[8];
		for (int i = 0; i < code.length; i++) {
			code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

}
