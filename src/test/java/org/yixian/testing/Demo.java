package org.yixian.testing;

/**
 * The demo city's accounts as tests use them.
 */
public final class Demo {

	public static final String PASSWORD = "yixian2026";

	private Demo() {
	}

}
