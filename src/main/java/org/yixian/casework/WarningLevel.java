package org.yixian.casework;

/**
 * How a case stands against its current deadline: 正常, 预警, 超时, 中度超时, 严重超时.
 */
public enum WarningLevel {

	NORMAL, WARNING, OVERDUE, MODERATELY_OVERDUE, SEVERELY_OVERDUE

}
