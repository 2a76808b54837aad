package org.yixian.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer yx_…}: a personal access token stands for its owner, as
 * long as the owner's account is enabled and not locked.
 */
class AccessTokenFilter extends OncePerRequestFilter {

	/**
	 * The authority of a request signed with a personal access token: such a request may
	 * not mint further tokens.
	 */
	static final String BY_TOKEN = "AUTH_TOKEN";

	private final AccessTokens tokens;

	private final TokenOwners owners;

	private final ProblemEntryPoint entryPoint;

	AccessTokenFilter(AccessTokens tokens, TokenOwners owners, ProblemEntryPoint entryPoint) {
		this.tokens = tokens;
		this.owners = owners;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<UserDetails> user = this.tokens.authenticate(header.substring(7).strip()).flatMap(this.owners::load);
		if (user.isEmpty() || !user.get().isEnabled() || !user.get().isAccountNonLocked()) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		java.util.List<org.springframework.security.core.GrantedAuthority> authorities = new java.util.ArrayList<>(
				user.get().getAuthorities());
		authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority(BY_TOKEN));
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
