package org.yixian.casework;

/**
 * How a case came in.
 */
public enum Channel {

	PHONE, WEB, WALK_IN, LETTER, API, IMPORT, FIELD

}
