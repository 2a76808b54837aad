package org.yixian.audit;

/**
 * One thing worth keeping in the operation log.
 *
 * @param actor the username, or null for the system
 * @param actorUnit the code of the actor's unit, if known
 * @param action a stable upper-case verb such as {@code LOGIN_FAILED} or
 * {@code UNIT_CREATED}
 * @param targetType what kind of thing was acted on, e.g. {@code unit}
 * @param targetId its code or id
 * @param detail a short free text
 * @param ip the client address, if there was a request
 */
public record AuditEvent(String actor, String actorUnit, String action, String targetType, String targetId,
		String detail, String ip) {

	public static AuditEvent system(String action, String targetType, String targetId, String detail) {
		return new AuditEvent(null, null, action, targetType, targetId, detail, null);
	}

}
