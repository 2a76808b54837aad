package org.yixian.casework;

/**
 * 主办, 协办, 抄送.
 */
public enum UnitRole {

	LEAD, ASSIST, COPY

}
