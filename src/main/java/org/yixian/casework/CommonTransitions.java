package org.yixian.casework;

import java.util.Map;

/**
 * Transitions that both tracks take the same way: merging a repeat into the case it
 * repeats, supervising (督办), archiving.
 */
public final class CommonTransitions {

	private CommonTransitions() {
	}

	public static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/**
	 * Merges the case into an open case of the same track that is not itself merged.
	 */
	public static Outcome merge(ActionContext context, Long intoCaseId) {
		if (intoCaseId == null) {
			return Outcome.invalid("intoCaseId", "NotNull");
		}
		CaseFile file = context.file();
		CaseFile parent = context.other(intoCaseId).orElse(null);
		if (parent == null) {
			return Outcome.invalid("intoCaseId", "case.unknown");
		}
		if (parent.id == file.id || parent.kind != file.kind || !parent.status.isOpen()
				|| parent.parentCaseId != null) {
			return Outcome.illegal("case.cannotMergeInto");
		}
		if (!Confidentiality.mayUnite(file, parent)) {
			return Outcome.invalid("intoCaseId", "case.mergeAccused");
		}
		Confidentiality.unite(file, parent);
		CaseStatus from = file.status;
		file.withdrawOpenTasks(context.at(), true);
		file.status = CaseStatus.MERGED;
		file.parentCaseId = parent.id;
		file.record(context.actor(), context.at(), "merge", from, parent.number, true,
				Map.of("intoCaseId", parent.id, "intoNumber", parent.number));
		parent.record(context.actor(), context.at(), "merge", parent.status, "+ " + file.number, false,
				Map.of("mergedCaseId", file.id, "mergedNumber", file.number));
		return Outcome.DONE;
	}

	public static Outcome supervise(ActionContext context, String note) {
		if (blank(note)) {
			return Outcome.invalid("note", "NotBlank");
		}
		CaseFile file = context.file();
		file.record(context.actor(), context.at(), "supervise", file.status, note, false);
		if (file.assigned != null) {
			file.notifyUnit(file.assigned.id(), "SUPERVISED", "case.notice.supervised");
		}
		return Outcome.DONE;
	}

	public static Outcome archive(ActionContext context) {
		CaseFile file = context.file();
		CaseStatus from = file.status;
		file.status = CaseStatus.ARCHIVED;
		file.record(context.actor(), context.at(), "archive", from, null, false);
		return Outcome.DONE;
	}

	/**
	 * A timeline payload from name/value pairs, leaving out null values.
	 */
	public static Map<String, Object> payload(Object... pairs) {
		Map<String, Object> payload = new java.util.LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				payload.put((String) pairs[i], pairs[i + 1]);
			}
		}
		return payload;
	}

}
