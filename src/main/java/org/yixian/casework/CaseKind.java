package org.yixian.casework;

/**
 * The two tracks: 12345 demands (诉求工单) and petitions (信访件).
 */
public enum CaseKind {

	DEMAND, PETITION

}
