package org.yixian.organisation;

/**
 * What a user may do. A user may hold several roles; what they act on is bounded by the
 * data scope of their unit.
 */
public enum Role {

	/** 受理员/话务员: takes demands in. */
	OPERATOR,
	/** 派单员: dispatches and reviews at a hotline or petition office. */
	DISPATCHER,
	/** 承办人: works the cases of their unit. */
	HANDLER,
	/** 督办员: supervises the unit subtree. */
	SUPERVISOR,
	/** 领导干部. */
	LEADER,
	/** 分析员. */
	ANALYST,
	/** 管理员. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
