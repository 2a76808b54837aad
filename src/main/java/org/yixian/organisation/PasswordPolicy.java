package org.yixian.organisation;

import java.util.Optional;

/**
 * A password must have 8 to 128 characters with at least one letter and one digit, and
 * may not be the username.
 */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	/**
	 * The message key of the rule broken, if any.
	 */
	static Optional<String> check(String username, String password) {
		if (password == null || password.length() < 8 || password.length() > 128) {
			return Optional.of("password.length");
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			return Optional.of("password.mix");
		}
		if (password.equalsIgnoreCase(username)) {
			return Optional.of("password.notUsername");
		}
		return Optional.empty();
	}

}
