package org.yixian.shared;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits what anybody without an account may read per client address: Open311 request
 * lists and updates and the progress look-ups (number + query code), so that nobody can
 * page through a city's requests or guess query codes at full speed. Requests that carry
 * credentials are not counted here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PublicReadLimitFilter extends OncePerRequestFilter {

	private final RateLimits.Limiter limiter;

	PublicReadLimitFilter(@Value("${yixian.public.reads-per-minute:120}") int perMinute,
			@Value("${yixian.public.reads-per-day:5000}") int perDay, RateLimits limits) {
		this.limiter = limits.limiter("public-reads", perMinute, perDay);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		if ("POST".equals(request.getMethod()) && "/public/progress".equals(path)) {
			return false; // the progress form posts its number and query code: a lookup
							// like a read
		}
		if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null) {
			return true;
		}
		return !(path.startsWith("/open311/v2/requests") || path.startsWith("/open311/v2/servicerequestupdates")
				|| path.startsWith("/open311/v2/tokens") || path.startsWith("/public/progress")
				|| path.startsWith("/api/v1/public/cases/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.limiter.check(request.getRemoteAddr());
		}
		catch (RateLimitedException ex) {
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
			Problems.write(response, 429, "RATE_LIMITED", "Too Many Requests", "Too many requests; try again later.");
			return;
		}
		chain.doFilter(request, response);
	}

}
