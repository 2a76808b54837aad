package org.yixian.organisation;

/**
 * Kinds of unit in the tree.
 */
public enum UnitKind {

	/** 市. */
	CITY,
	/** 区/县. */
	DISTRICT,
	/** 街道/乡镇. */
	STREET,
	/** 社区/村. */
	COMMUNITY,
	/** 职能部门. */
	DEPARTMENT,
	/** 公共服务企业 (water, power, gas, heating). */
	UTILITY,
	/** 12345 热线中心. */
	HOTLINE,
	/** 信访办. */
	PETITION_OFFICE;

	/**
	 * Whether users of this kind of unit serve the jurisdiction of its parent rather than
	 * only their own subtree: a hotline centre or petition office works for its whole
	 * level.
	 */
	boolean servesParentJurisdiction() {
		return this == HOTLINE || this == PETITION_OFFICE;
	}

}
