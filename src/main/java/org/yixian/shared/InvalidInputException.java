package org.yixian.shared;

import java.util.List;

/**
 * Input that parsed but breaks a rule: 422 {@code VALIDATION_FAILED} naming each field.
 */
public class InvalidInputException extends RuntimeException {

	private final transient List<FieldMessage> errors;

	public InvalidInputException(List<FieldMessage> errors) {
		super("invalid input: " + errors);
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String key, Object... args) {
		this(List.of(new FieldMessage(field, key, args)));
	}

	public List<FieldMessage> errors() {
		return this.errors;
	}

}
