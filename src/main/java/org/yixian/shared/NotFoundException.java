package org.yixian.shared;

/**
 * What was asked for does not exist, or is outside the caller's data scope (the two are
 * answered alike so that a scope never leaks what lies beyond it).
 */
public class NotFoundException extends RuntimeException {

	private final String what;

	public NotFoundException(String what) {
		super(what + " not found");
		this.what = what;
	}

	public String what() {
		return this.what;
	}

}
