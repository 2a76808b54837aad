package org.yixian.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains: the stateless API, the management endpoints, and the pages. Behind
 * them every handler must declare its access ({@link AccessDeclarationInterceptor}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String CSP = "default-src 'self'; img-src 'self' data: blob: https:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	/**
	 * No observation wrapped around every security filter, authentication and
	 * authorisation (they were recorded as no-ops anyway, see
	 * {@code management.observations.enable.spring.security}); the request's own
	 * {@code http.server.requests} observation stays.
	 */
	@Bean
	static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, TokenOwners owners, ProblemEntryPoint entryPoint)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(
					(auth) -> auth.requestMatchers("/api/v1/public/**").permitAll().anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.addFilterBefore(new AccessTokenFilter(tokens, owners, entryPoint), BasicAuthenticationFilter.class)
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain management(HttpSecurity http, ProblemEntryPoint entryPoint,
			@Value("${management.endpoints.web.base-path:/manage}") String basePath) throws Exception {
		http.securityMatcher(basePath + "/**")
			.authorizeHttpRequests((auth) -> auth.requestMatchers(basePath + "/health", basePath + "/health/**")
				.permitAll()
				.anyRequest()
				.access(org.springframework.security.authorization.AuthorizationManagers.allOf(
						org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole("ADMIN"),
						org.springframework.security.authorization.AuthorityAuthorizationManager
							.hasAuthority(org.yixian.organisation.Actor.CITY_WIDE))))
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain open311(HttpSecurity http) throws Exception {
		http.securityMatcher("/open311/**")
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/public/**")
			.permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.authenticated()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath()
						+ ((ex instanceof org.springframework.security.authentication.InternalAuthenticationServiceException)
								? "/login?unavailable" : "/login?error")))
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement((s) -> s.sessionFixation((f) -> f.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
				.referrerPolicy((ref) -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frame) -> frame.deny()))
			.csrf(Customizer.withDefaults());
		return http.build();
	}

}
