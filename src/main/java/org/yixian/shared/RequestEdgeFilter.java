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
 * Refuses at the edge, for every endpoint at once, what would otherwise fail deep inside:
 * a query or form parameter that holds U+0000 (which PostgreSQL cannot store), a wildcard
 * content type (415), a multipart body without a boundary, and an {@code Idempotency-Key}
 * that is not printable ASCII — 4xx naming the field, as problem JSON for the APIs and as
 * the error page for pages. A multipart body over the size limits is a 413 (the error
 * page says to send fewer or smaller photos). Multipart parts are left to their own
 * handlers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestEdgeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("/error".equals(request.getRequestURI())) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		String contentType = request.getContentType();
		String type = (contentType != null) ? contentType.toLowerCase(java.util.Locale.ROOT) : "";
		if (type.contains("*")) {
			refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Content-Type");
			return;
		}
		if (type.startsWith("multipart/") && !type.contains("boundary=")) {
			refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "Content-Type");
			return;
		}
		String key = request.getHeader("Idempotency-Key");
		if (key != null && !key.chars().allMatch((c) -> c >= 0x21 && c < 0x7f)) {
			refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "Idempotency-Key");
			return;
		}
		if (type.startsWith("multipart/")) {
			int problem = partsProblem(request);
			if (problem != 0) {
				refuse(request, response, problem, "file");
				return;
			}
		}
		{
			// for a multipart body the parameters are its text parts (read above)
			String field = nulParameter(request.getParameterMap());
			if (field != null) {
				refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, field);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Reads a multipart body once here, so that a truncated or broken one is a 400 before
	 * any handler runs (the container keeps the parts for the handler).
	 */
	private static int partsProblem(HttpServletRequest request) {
		try {
			request.getParts();
			return 0;
		}
		catch (IOException | ServletException | RuntimeException ex) {
			return tooLarge(ex) ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST;
		}
	}

	/**
	 * Whether the container refused the body for a size limit (a file over
	 * {@code spring.servlet.multipart.max-file-size} or a body over
	 * {@code max-request-size}): 413, a page that says so, not a broken request.
	 */
	static boolean tooLarge(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			String name = t.getClass().getSimpleName();
			if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
					|| t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
				return true;
			}
		}
		return false;
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

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String field)
			throws IOException, ServletException {
		String path = request.getRequestURI();
		if (path.startsWith("/api/") || path.startsWith("/open311/")) {
			response.setStatus(status);
			response.setContentType("application/problem+json;charset=UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\""
						+ ((status == 415) ? "Unsupported Media Type"
								: (status == 413) ? "Content Too Large" : "Bad Request")
						+ "\",\"status\":" + status + ",\"code\":\""
						+ ((status == 415) ? "UNSUPPORTED_MEDIA_TYPE"
								: (status == 413) ? "TOO_LARGE" : "MALFORMED_REQUEST")
						+ "\"," + "\"detail\":\"malformed request\",\"errors\":[{\"field\":\""
						+ field.replaceAll("[\\p{Cntrl}\"\\\\]", "?") + "\",\"message\":\"U+0000\"}]}");
			return;
		}
		if (status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
			// the error page, reached without the body the container refused: an error
			// dispatch of this request would try its parts again and answer with JSON
			request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, status);
			request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, path);
			response.setStatus(status);
			request.getRequestDispatcher("/error").forward(new WithoutBody(request), response);
			return;
		}
		response.sendError(status, field);
	}

	/**
	 * A request whose body is not to be read again.
	 */
	private static final class WithoutBody extends jakarta.servlet.http.HttpServletRequestWrapper {

		WithoutBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public String getHeader(String name) {
			return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return java.util.Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
