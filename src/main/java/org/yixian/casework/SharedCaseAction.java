package org.yixian.casework;

import java.util.Set;

import org.yixian.organisation.Actor;

/**
 * An action that another module contributes to cases of some tracks (for example a leader
 * taking personal charge of a case, 包案, from the frontline module). The core offers it
 * beside the track's own actions, admits it through {@link #admit} (permission first,
 * then state) and carries it out in the same transaction, with the same version check,
 * {@code at} and timeline.
 */
public interface SharedCaseAction extends TrackAction {

	/**
	 * The kinds of case the action applies to.
	 */
	Set<CaseKind> kinds();

	Outcome admit(CaseFile file, Actor actor);

	Outcome perform(Object command, ActionContext context);

}
