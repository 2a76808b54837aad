/**
 * The front door: the sign-in page, the workbench each person lands on after signing in,
 * and the account page with password and personal access tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.yixian.portal;
