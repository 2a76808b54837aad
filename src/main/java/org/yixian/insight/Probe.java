package org.yixian.insight;

import java.time.OffsetDateTime;
import java.util.List;

import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseTexts;

/**
 * What a similar-case search looks for: the text and the facts of a case, or of a draft
 * an operator is typing.
 */
record Probe(CaseKind kind, String title, String content, String callerHash, String addressKey, List<String> placePath,
		String category, String categoryParent, OffsetDateTime receivedAt) {

	static Probe of(CaseTexts.CaseText text, String categoryParent) {
		return new Probe(text.kind(), text.title(), text.content(), text.callerHash(),
				CaseDocument.addressKey(text.address()), CaseDocument.pathIds(text.areaPath()), text.categoryCode(),
				categoryParent, text.receivedAt());
	}

	String body() {
		return ((this.title != null) ? this.title : "") + "\n" + ((this.content != null) ? this.content : "");
	}

	/**
	 * The area unit's id, or null.
	 */
	String place() {
		return this.placePath.isEmpty() ? null : this.placePath.get(this.placePath.size() - 1);
	}

	/**
	 * The unit above the area (a community's street), when the area lies at least two
	 * levels below the top.
	 */
	String placeParent() {
		return (this.placePath.size() >= 3) ? this.placePath.get(this.placePath.size() - 2) : null;
	}

}
