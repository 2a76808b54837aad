package org.yixian.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.yixian.shared.Problems;
import org.yixian.shared.PublicEndpoint;

/**
 * Deny by default: a handler of ours that names neither {@code @PreAuthorize} nor
 * {@link PublicEndpoint} is refused with 403, so a forgotten annotation closes a door
 * instead of opening it. Framework handlers (error page, API docs) are guarded by the
 * filter chains.
 */
class AccessDeclarationInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method) || !isOurs(method)) {
			return true;
		}
		Rule rule = RULES.computeIfAbsent(method.getMethod(), (m) -> Rule.of(method));
		if (rule.declared()) {
			checkBeforeReadingTheRequest(method, rule.expression());
			return true;
		}
		Problems.write(response, 403, "FORBIDDEN", "Forbidden", "No access rule is declared for this endpoint.");
		return false;
	}

	private static final org.springframework.security.access.expression.method.MethodSecurityExpressionHandler EXPRESSIONS = new org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler();

	/**
	 * Evaluates the handler's access rule before its arguments are read and validated, so
	 * that a person who may not call it learns nothing (403, not the body's field
	 * errors). The rules of this application name roles and authorities only, never
	 * arguments.
	 */
	private static void checkBeforeReadingTheRequest(HandlerMethod method,
			org.springframework.expression.Expression expression) {
		if (expression == null) {
			return;
		}
		org.springframework.security.core.Authentication authentication = org.springframework.security.core.context.SecurityContextHolder
			.getContext()
			.getAuthentication();
		if (authentication == null) {
			return;
		}
		org.springframework.expression.EvaluationContext context = EXPRESSIONS.createEvaluationContext(
				() -> authentication,
				new org.springframework.security.util.SimpleMethodInvocation(null, method.getMethod()));
		if (!org.springframework.security.access.expression.ExpressionUtils.evaluateAsBoolean(expression, context)) {
			throw new org.springframework.security.access.AccessDeniedException("Access Denied");
		}
	}

	/**
	 * What each handler method declares, looked up and parsed once (not on every
	 * request).
	 */
	private static final java.util.Map<java.lang.reflect.Method, Rule> RULES = new java.util.concurrent.ConcurrentHashMap<>();

	private record Rule(boolean declared, org.springframework.expression.Expression expression) {

		static Rule of(HandlerMethod method) {
			PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
			if (rule == null) {
				rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
			}
			return new Rule(declaresAccess(method),
					(rule != null) ? EXPRESSIONS.getExpressionParser().parseExpression(rule.value()) : null);
		}

	}

	static boolean isOurs(HandlerMethod method) {
		return method.getBeanType().getName().startsWith("org.yixian.");
	}

	static boolean declaresAccess(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getMethod(), PublicEndpoint.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class);
	}

}
