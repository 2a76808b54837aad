package org.yixian.casework;

/**
 * 咨询 求助 投诉 举报 建议 表扬.
 */
public enum DemandType {

	CONSULT, HELP, COMPLAINT, REPORT, SUGGESTION, PRAISE

}
