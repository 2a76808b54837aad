package org.yixian.shared;

import java.util.List;

/**
 * A request that is well formed but conflicts with the current state: 409 with a stable
 * code such as {@code ALREADY_EXISTS}, {@code STALE_VERSION} or
 * {@code ILLEGAL_TRANSITION}.
 */
public class ConflictException extends RuntimeException {

	private final String code;

	private final transient List<FieldMessage> errors;

	public ConflictException(String code, String messageKey, List<FieldMessage> errors) {
		super(messageKey);
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	public ConflictException(String code, String messageKey) {
		this(code, messageKey, List.of());
	}

	public static ConflictException alreadyExists(String field, Object value) {
		return new ConflictException("ALREADY_EXISTS", "error.alreadyExists",
				List.of(new FieldMessage(field, "AlreadyExists", value)));
	}

	public String code() {
		return this.code;
	}

	public String messageKey() {
		return getMessage();
	}

	public List<FieldMessage> errors() {
		return this.errors;
	}

}
