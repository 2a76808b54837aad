package org.yixian.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.organisation.Actor;
import org.yixian.organisation.UserAccounts;

/**
 * Counts failed logins towards the lockout and writes logins, failures, refusals and the
 * lockout itself to the operation log.
 */
@Component
class AuthenticationAudit {

	private final UserAccounts accounts;

	private final AuditLog audit;

	AuthenticationAudit(UserAccounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@EventListener
	void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		boolean lockedNow = this.accounts.recordFailedLogin(username);
		this.audit.recordIndependently(
				new AuditEvent(username, null, "LOGIN_FAILED", "user", username, "bad credentials", clientAddress()));
		if (lockedNow) {
			this.audit.recordIndependently(new AuditEvent(username, null, "ACCOUNT_LOCKED", "user", username,
					"too many failed logins", clientAddress()));
		}
	}

	@EventListener
	void onLocked(AuthenticationFailureLockedEvent event) {
		refused(event, "LOGIN_REFUSED_LOCKED");
	}

	@EventListener
	void onDisabled(AuthenticationFailureDisabledEvent event) {
		refused(event, "LOGIN_REFUSED_DISABLED");
	}

	private void refused(AbstractAuthenticationFailureEvent event, String action) {
		String username = String.valueOf(event.getAuthentication().getName());
		this.audit.recordIndependently(new AuditEvent(username, null, action, "user", username, null, clientAddress()));
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.accounts.recordSuccessfulLogin(event.getAuthentication().getName());
	}

	@EventListener
	void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
		Object principal = event.getAuthentication().getPrincipal();
		String unit = (principal instanceof Actor actor) ? actor.unitCode() : null;
		String username = event.getAuthentication().getName();
		this.audit
			.recordIndependently(new AuditEvent(username, unit, "LOGIN", "user", username, null, clientAddress()));
	}

	@EventListener
	void onLogout(LogoutSuccessEvent event) {
		String username = event.getAuthentication().getName();
		this.audit
			.recordIndependently(new AuditEvent(username, null, "LOGOUT", "user", username, null, clientAddress()));
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
