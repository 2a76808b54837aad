package org.yixian.casework;

/**
 * What the handling unit says it achieved.
 */
public enum ReplyResult {

	/** 已解决. */
	RESOLVED,
	/** 部分解决. */
	PARTLY,
	/** 已解释说明. */
	EXPLAINED,
	/** 暂无法解决（说明原因）. */
	UNRESOLVABLE

}
