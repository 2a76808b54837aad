package org.yixian.petition;

import jakarta.validation.constraints.Size;

import org.yixian.casework.CaseStatus;
import org.yixian.casework.CommonCommands;
import org.yixian.casework.TrackAction;

import static org.yixian.casework.CaseStatus.ACCEPTED;
import static org.yixian.casework.CaseStatus.CLOSED;
import static org.yixian.casework.CaseStatus.DECIDED;
import static org.yixian.casework.CaseStatus.FINAL;
import static org.yixian.casework.CaseStatus.NOT_ACCEPTED;
import static org.yixian.casework.CaseStatus.OBJECTED;
import static org.yixian.casework.CaseStatus.RECHECKING;
import static org.yixian.casework.CaseStatus.REGISTERED;
import static org.yixian.casework.CaseStatus.REVIEWED;
import static org.yixian.casework.CaseStatus.REVIEWING;
import static org.yixian.casework.CaseStatus.TRANSFERRED;

/**
 * The named actions of a petition (contract: "Petitions"), with their names on the wire,
 * their command records and the states each may start from.
 */
enum PetitionAction implements TrackAction {

	TRANSFER("transfer", Transfer.class, REGISTERED),
	ACCEPT("accept", CommonCommands.Note.class, REGISTERED, TRANSFERRED),
	NOT_ACCEPT("not-accept", NotAccept.class, REGISTERED, TRANSFERRED),
	OBJECT("object", CommonCommands.Reason.class, TRANSFERRED),
	REVIEW_OBJECTION("review-objection", CommonCommands.ReviewObjection.class, OBJECTED),
	REQUEST_EXTENSION("request-extension", CommonCommands.Extension.class, ACCEPTED),
	DECIDE_EXTENSION("decide-extension", CommonCommands.Decision.class, ACCEPTED),
	DECIDE("decide", Decide.class, ACCEPTED), REQUEST_REVIEW("request-review", CommonCommands.Reason.class, DECIDED),
	REVIEW_DECIDE("review-decide", Decide.class, REVIEWING),
	REQUEST_RECHECK("request-recheck", CommonCommands.Reason.class, REVIEWED),
	START_HEARING("start-hearing", CommonCommands.Note.class, RECHECKING),
	END_HEARING("end-hearing", CommonCommands.Note.class, RECHECKING),
	RECHECK_DECIDE("recheck-decide", Decide.class, RECHECKING),
	CLOSE("close", CommonCommands.Note.class, DECIDED, REVIEWED), FOLLOW_UP("follow-up", FollowUp.class, FINAL),
	SUPERVISE("supervise", CommonCommands.Note.class, REGISTERED, TRANSFERRED, ACCEPTED, OBJECTED, REVIEWING,
			RECHECKING),
	ESCALATE("escalate", CommonCommands.Escalate.class, TRANSFERRED, ACCEPTED),
	MERGE("merge", CommonCommands.Merge.class, REGISTERED, TRANSFERRED, OBJECTED),
	ARCHIVE("archive", CommonCommands.None.class, CLOSED, FINAL, NOT_ACCEPTED);

	private final String wireName;

	private final Class<? extends Record> command;

	private final CaseStatus[] from;

	PetitionAction(String wireName, Class<? extends Record> command, CaseStatus... from) {
		this.wireName = wireName;
		this.command = command;
		this.from = from;
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
		for (CaseStatus s : this.from) {
			if (s == status) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@code transfer}: 转送 ({@code resultRequired} false) or 交办 with a result to report
	 * back.
	 */
	record Transfer(@Size(max = 32) String unitCode, Boolean resultRequired, @Size(max = 2000) String note) {
	}

	/**
	 * {@code not-accept}: the legal ground and the reason told to the petitioner.
	 */
	record NotAccept(NotAcceptGround ground, @Size(max = 2000) String reason) {
	}

	/**
	 * {@code decide}, {@code review-decide}, {@code recheck-decide}: the outcome and the
	 * written reasons.
	 */
	record Decide(DecisionOutcome outcome, @Size(max = 8000) String text) {
	}

	/**
	 * {@code follow-up}: what was done after 终结 (疏导教育, 矛盾化解, 帮扶救助), and whether nothing
	 * more is owed.
	 */
	record FollowUp(@Size(max = 2000) String note, Boolean done) {
	}

	/**
	 * Grounds for not accepting a petition.
	 */
	enum NotAcceptGround {

		/** 应当通过诉讼、仲裁、行政复议等法定途径解决. */
		OTHER_CHANNEL,
		/** 正在办理中. */
		BEING_HANDLED,
		/** 已终结. */
		FINAL,
		/** 不属于信访事项. */
		NOT_PETITION

	}

	/**
	 * 支持 / 解释 / 不予支持.
	 */
	enum DecisionOutcome {

		SUPPORT, EXPLAIN, NOT_SUPPORT

	}

}
