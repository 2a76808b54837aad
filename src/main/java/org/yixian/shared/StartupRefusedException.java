package org.yixian.shared;

/**
 * Yixian will not start, for a reason an operator can act on; reported as a short
 * "application failed to start" message rather than a stack trace.
 */
public class StartupRefusedException extends RuntimeException {

	private final String action;

	public StartupRefusedException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
