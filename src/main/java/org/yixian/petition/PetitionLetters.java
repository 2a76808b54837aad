package org.yixian.petition;

import java.time.ZoneId;

import org.springframework.stereotype.Component;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseDocuments;
import org.yixian.casework.CaseDocuments.DocumentKind;
import org.yixian.casework.CaseFile;
import org.yixian.casework.Confidentiality;
import org.yixian.casework.UnitRef;
import org.yixian.petition.PetitionAction.DecisionOutcome;
import org.yixian.shared.TimeDisplay;

/**
 * Issues the written decisions of a petition (处理意见书, 复查意见书, 复核意见书) as PDF documents in
 * Chinese and stores them with the case. The petitioner's name is masked on the stored
 * copy, which every unit that may see the case can download.
 */
@Component
class PetitionLetters {

	private final CaseDocuments documents;

	private final ZoneId zone;

	PetitionLetters(CaseDocuments documents, TimeDisplay times) {
		this.documents = documents;
		this.zone = times.zone();
	}

	long issue(ActionContext context, DocumentKind kind, DecisionOutcome outcome, String text, UnitRef unit) {
		CaseFile file = context.file();
		String name = Confidentiality.maskName(file.complainantName());
		byte[] pdf = PetitionPdf.render(new PetitionPdf.Letter(title(kind), unit.name(), file.number(), name,
				label(outcome), text, context.at().atZoneSameInstant(this.zone).toLocalDate(), footer(kind)));
		return this.documents.issue(file, kind, outcome.name(), unit, context.actor(), context.at(), pdf);
	}

	static String title(DocumentKind kind) {
		return switch (kind) {
			case DECISION -> "信访事项处理意见书";
			case REVIEW_DECISION -> "信访事项复查意见书";
			case RECHECK_DECISION -> "信访事项复核意见书";
		};
	}

	static String label(DecisionOutcome outcome) {
		return switch (outcome) {
			case SUPPORT -> "支持";
			case EXPLAIN -> "解释";
			case NOT_SUPPORT -> "不予支持";
		};
	}

	static String footer(DocumentKind kind) {
		return switch (kind) {
			case DECISION -> "信访人对处理意见不服的，可以自收到本意见书之日起30日内请求原办理机关的上一级机关复查。";
			case REVIEW_DECISION -> "信访人对复查意见不服的，可以自收到本意见书之日起30日内向复查机关的上一级机关请求复核。";
			case RECHECK_DECISION -> "信访人对复核意见不服，仍以同一事实和理由提出信访请求的，不再受理。";
		};
	}

}
