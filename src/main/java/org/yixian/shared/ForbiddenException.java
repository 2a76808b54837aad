package org.yixian.shared;

/**
 * The caller is known but may not do this: 403 {@code FORBIDDEN}.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String reason) {
		super(reason);
	}

}
