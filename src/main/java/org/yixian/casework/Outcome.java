package org.yixian.casework;

/**
 * The answer of a transition: done, or refused for a reason that is part of the business
 * (not an error).
 */
public sealed interface Outcome {

	Outcome DONE = new Done();

	static Outcome illegal(String messageKey) {
		return new Refused(Refused.Why.ILLEGAL_TRANSITION, messageKey);
	}

	static Outcome forbidden(String messageKey) {
		return new Refused(Refused.Why.FORBIDDEN, messageKey);
	}

	static Outcome invalid(String field, String messageKey) {
		return new Invalid(field, messageKey);
	}

	default boolean isDone() {
		return this instanceof Done;
	}

	/**
	 * The transition happened.
	 */
	record Done() implements Outcome {
	}

	/**
	 * The transition is not allowed now, or not to this person.
	 */
	record Refused(Why why, String messageKey) implements Outcome {

		public enum Why {

			ILLEGAL_TRANSITION, FORBIDDEN

		}

	}

	/**
	 * A value the transition needs is missing or wrong.
	 */
	record Invalid(String field, String messageKey) implements Outcome {
	}

}
