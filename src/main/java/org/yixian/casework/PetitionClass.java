package org.yixian.casework;

/**
 * 建议意见类, 检举控告类, 申诉求决类 (《信访工作条例》).
 */
public enum PetitionClass {

	SUGGESTION, ACCUSATION, APPEAL

}
