package org.yixian.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.yixian.shared.Problems;

/**
 * 401 and 403 of the API as problem details. A 401 offers Basic without the browser
 * pop-up realm so that scripts can tell the two schemes apart.
 */
@Component
class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final MessageSource messages;

	ProblemEntryPoint(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
			Problems.write(response, 503, "SERVICE_UNAVAILABLE", "Service Unavailable",
					text("error.databaseUnavailable"));
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"yixian\", Bearer");
		Problems.write(response, 401, "UNAUTHORIZED", "Unauthorized", text("error.unauthorized"));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		Problems.write(response, 403, "FORBIDDEN", "Forbidden", text("error.forbidden"));
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
