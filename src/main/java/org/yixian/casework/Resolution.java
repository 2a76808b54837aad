package org.yixian.casework;

/**
 * The return visit's first question: 是否解决.
 */
public enum Resolution {

	RESOLVED, PARTLY, UNRESOLVED

}
