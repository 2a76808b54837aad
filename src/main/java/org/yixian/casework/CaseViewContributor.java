package org.yixian.casework;

import java.util.Map;

import org.yixian.organisation.Actor;

/**
 * Adds a module's own fields to the view of a case (for example its package leader), at
 * the top level of {@code GET /cases/{id}} beside the track's details.
 */
public interface CaseViewContributor {

	Map<String, Object> details(CaseFile file, Actor actor);

}
