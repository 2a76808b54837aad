package org.yixian.shared;

/**
 * Patterns for SQL {@code LIKE} built from user text, with the wildcards in it escaped.
 */
public final class Like {

	private Like() {
	}

	public static String containing(String text) {
		return "%" + escape(text.strip()) + "%";
	}

	public static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
