/**
 * The login and operation log: who did what, when, from where. Append-only in the
 * database and hash-chained, so that an administrator can prove that nothing was removed
 * or edited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.yixian.audit;
