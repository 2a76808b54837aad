package org.yixian.demand;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Size;

import org.yixian.casework.CaseStatus;
import org.yixian.casework.CommonCommands;
import org.yixian.casework.ReplyResult;
import org.yixian.casework.Resolution;
import org.yixian.casework.Satisfaction;
import org.yixian.casework.TrackAction;

import static org.yixian.casework.CaseStatus.CLOSED;
import static org.yixian.casework.CaseStatus.DISPATCHED;
import static org.yixian.casework.CaseStatus.HANDLING;
import static org.yixian.casework.CaseStatus.REGISTERED;
import static org.yixian.casework.CaseStatus.REPLIED;
import static org.yixian.casework.CaseStatus.RETURNED;
import static org.yixian.casework.CaseStatus.VISITING;

/**
 * The named transitions of a demand, with their names on the wire, their command records
 * and the states each may start from.
 */
enum DemandAction implements TrackAction {

	DISPATCH("dispatch", CommonCommands.Dispatch.class, REGISTERED),
	SIGN("sign", CommonCommands.None.class, DISPATCHED),
	RETURN("return", CommonCommands.Reason.class, DISPATCHED, HANDLING),
	REVIEW_RETURN("review-return", CommonCommands.ReviewObjection.class, RETURNED),
	CONTACT("contact", CommonCommands.Note.class, HANDLING),
	REQUEST_EXTENSION("request-extension", CommonCommands.Extension.class, HANDLING),
	DECIDE_EXTENSION("decide-extension", CommonCommands.Decision.class, HANDLING),
	REPLY("reply", Reply.class, HANDLING), REVIEW_REPLY("review-reply", CommonCommands.Decision.class, REPLIED),
	RETURN_VISIT("return-visit", ReturnVisit.class, VISITING),
	REOPEN("reopen", CommonCommands.Reason.class, VISITING, CLOSED),
	CLOSE("close", CommonCommands.Note.class, REGISTERED, VISITING),
	MERGE("merge", CommonCommands.Merge.class, REGISTERED, DISPATCHED, HANDLING, RETURNED),
	SPLIT("split", Split.class, REGISTERED, DISPATCHED, HANDLING, RETURNED),
	SUPERVISE("supervise", CommonCommands.Note.class, DISPATCHED, HANDLING, RETURNED, REPLIED, VISITING),
	ESCALATE("escalate", CommonCommands.Escalate.class, DISPATCHED, HANDLING, RETURNED),
	REPORT("report", CommonCommands.Note.class, DISPATCHED, HANDLING),
	ARCHIVE("archive", CommonCommands.None.class, CLOSED);

	private final String wireName;

	private final Class<? extends Record> command;

	private final Set<CaseStatus> from;

	DemandAction(String wireName, Class<? extends Record> command, CaseStatus... from) {
		this.wireName = wireName;
		this.command = command;
		this.from = EnumSet.copyOf(Arrays.asList(from));
	}

	@Override
	public String wireName() {
		return this.wireName;
	}

	@Override
	public Class<? extends Record> command() {
		return this.command;
	}

	boolean startsFrom(CaseStatus status) {
		return this.from.contains(status);
	}

	/**
	 * {@code reply}: the result and the text for the citizen.
	 */
	record Reply(ReplyResult result, @Size(max = 4000) String text) {
	}

	/**
	 * {@code return-visit}: the citizen's two answers.
	 */
	record ReturnVisit(Resolution resolved, Satisfaction satisfaction, @Size(max = 2000) String note) {
	}

	/**
	 * {@code split}: a second matter of the same call, registered as its own case.
	 */
	record Split(@Size(max = 200) String title, @Size(max = 4000) String content, @Size(max = 32) String categoryCode) {
	}

}
