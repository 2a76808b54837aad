package org.yixian.casework;

import java.util.List;

import org.yixian.organisation.Actor;

/**
 * One track of the case core (12345 demands, petitions): its actions with their command
 * records, who may take them, the states they start from, what they change, and which
 * deadline runs in each state. The core loads the case, checks the version and the time
 * of the act, asks the track, and saves; a track never reads or writes the core's tables
 * itself.
 */
public interface CaseTrack {

	CaseKind kind();

	/**
	 * Every action of the track, in the order a case page offers them.
	 */
	List<? extends TrackAction> actions();

	/**
	 * Whether this person may take the action, and then whether the case's state allows
	 * it. Permission comes first: a person who may not act learns nothing about state.
	 */
	Outcome admit(CaseFile file, Actor actor, TrackAction action);

	/**
	 * Carries out an admitted action with its checked command.
	 */
	Outcome perform(TrackAction action, Object command, ActionContext context);

	/**
	 * The track's own rules for a registration (checked with the core's, before anything
	 * is written).
	 */
	default List<org.yixian.shared.FieldMessage> checkRegistration(NewCase command) {
		return List.of();
	}

	/**
	 * The track's own fields of a case for its view ({@code repeatCount}, …).
	 */
	default java.util.Map<String, Object> details(CaseFile file, Actor actor) {
		return java.util.Map.of();
	}

	/**
	 * The choices the track's action forms offer (for petitions the grounds of refusal
	 * and the outcomes of a decision), by name.
	 */
	default java.util.Map<String, List<String>> formOptions() {
		return java.util.Map.of();
	}

	/**
	 * What happens as soon as a case of this track is registered: clocks start, the
	 * catalogue routes, a consultation answered on the call closes.
	 */
	void registered(CaseFile file, Registration registration, ActionContext context);

	/**
	 * The deadline that a case in this state runs against, or null.
	 */
	DeadlineKind runningDeadline(CaseFile file);

	/**
	 * What a registration brings that the track may use.
	 *
	 * @param answer the operator's answer to a consultation closed on the call, or null
	 */
	record Registration(NewCase command, String answer) {
	}

}
