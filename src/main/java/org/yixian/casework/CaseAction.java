package org.yixian.casework;

import java.util.Arrays;
import java.util.Optional;

/**
 * The named transitions of a case, with their names on the wire ({@code POST
 * /cases/{id}/actions/{name}}).
 */
public enum CaseAction {

	DISPATCH("dispatch"), SIGN("sign"), RETURN("return"), REVIEW_RETURN("review-return"), CONTACT("contact"),
	REQUEST_EXTENSION("request-extension"), DECIDE_EXTENSION("decide-extension"), REPLY("reply"),
	REVIEW_REPLY("review-reply"), RETURN_VISIT("return-visit"), REOPEN("reopen"), CLOSE("close"), MERGE("merge"),
	SPLIT("split"), SUPERVISE("supervise"), ESCALATE("escalate"), REPORT("report"), ARCHIVE("archive");

	private final String wireName;

	CaseAction(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	public static Optional<CaseAction> fromWire(String name) {
		return Arrays.stream(values()).filter((a) -> a.wireName.equals(name)).findFirst();
	}

}
