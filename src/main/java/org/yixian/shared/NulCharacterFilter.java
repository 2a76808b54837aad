package org.yixian.shared;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, for every endpoint at once, a query or form parameter that holds U+0000 (which
 * PostgreSQL cannot store): 400 naming the parameter, as problem JSON for the APIs and as
 * the error page for pages. Multipart bodies are left to their own handlers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			String field = nulParameter(request.getParameterMap());
			if (field != null) {
				refuse(request, response, field);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static String nulParameter(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
			if (entry.getKey().indexOf('\u0000') >= 0) {
				return "?";
			}
			for (String value : entry.getValue()) {
				if (value != null && value.indexOf('\u0000') >= 0) {
					return entry.getKey();
				}
			}
		}
		return null;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String field)
			throws IOException {
		String path = request.getRequestURI();
		if (path.startsWith("/api/") || path.startsWith("/open311/")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/problem+json;charset=UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"code\":\"MALFORMED_REQUEST\","
						+ "\"detail\":\"U+0000 is not allowed\",\"errors\":[{\"field\":\""
						+ field.replaceAll("[\\p{Cntrl}\"\\\\]", "?") + "\",\"message\":\"U+0000\"}]}");
			return;
		}
		response.sendError(HttpServletResponse.SC_BAD_REQUEST, "U+0000 in " + field);
	}

}
