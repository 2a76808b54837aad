package org.yixian.frontline;

/**
 * Small text helpers for commands and forms.
 */
final class Text {

	private Text() {
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
