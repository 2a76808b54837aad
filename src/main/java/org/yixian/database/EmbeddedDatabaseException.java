package org.yixian.database;

/**
 * The embedded database cannot start; the message says why in words an operator can act
 * on.
 */
public class EmbeddedDatabaseException extends RuntimeException {

	EmbeddedDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}

}
