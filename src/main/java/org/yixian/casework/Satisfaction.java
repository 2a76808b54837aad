package org.yixian.casework;

/**
 * The return visit's second question: 是否满意.
 */
public enum Satisfaction {

	SATISFIED, BASICALLY, UNSATISFIED

}
