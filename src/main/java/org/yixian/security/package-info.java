/**
 * Who may do what: sign-in pages and sessions, HTTP Basic and personal access tokens for
 * the API, lockout after repeated failures, CSRF and security headers, and the rule that
 * every handler is refused unless it declares who may call it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.yixian.security;
