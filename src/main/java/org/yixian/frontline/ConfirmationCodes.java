package org.yixian.frontline;

import java.security.SecureRandom;
import java.util.Locale;

import org.yixian.shared.Hashes;

/**
 * Booking confirmation codes: eight characters from an alphabet without look-alikes (no
 * 0/O, 1/I/L), about 40 bits, kept only as their SHA-256 like the case core's query
 * codes.
 */
final class ConfirmationCodes {

	private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private ConfirmationCodes() {
	}

	static String newCode() {
		char[] code = new char[8];
		for (int i = 0; i < code.length; i++) {
			code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	/**
	 * The stored form of a code as typed (case and spaces ignored).
	 */
	static String hash(String code) {
		return Hashes.sha256Hex(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
	}

}
