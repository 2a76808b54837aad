/**
 * Shared kernel: the clock, paging, the one error model (RFC 9457 problem details with a
 * stable {@code code}), locales and message bundles. Every module may use it; it uses
 * none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.yixian.shared;
