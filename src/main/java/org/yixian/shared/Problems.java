package org.yixian.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Problem details written straight to a servlet response, for the places that answer
 * before a controller is reached (authentication, rate limits).
 */
public final class Problems {

	private Problems() {
	}

	public static void write(HttpServletResponse response, int status, String code, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"https://yixian.org/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')
					+ "\",\"title\":\"" + escape(title) + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail)
					+ "\",\"code\":\"" + code + "\"}");
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
