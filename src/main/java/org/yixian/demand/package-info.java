/**
 * Demands (接诉即办): the 12345 track of the case core. Its statuses, its named actions with
 * their command records, who may take each, which deadline runs in each state, and what
 * happens at registration (routing through the dispatch catalogue, or closing a
 * consultation answered on the call).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demands")
package org.yixian.demand;
