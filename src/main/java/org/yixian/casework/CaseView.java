package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as {@code GET /api/v1/cases/{id}} and the case page show it. {@code complainant}
 * is null for those who may not see it; {@code queryCode} is only present in the answer
 * that created the case.
 */
public record CaseView(long id, String number, String queryCode, CaseKind kind, String type, String petitionClass,
		Channel channel, CaseStatus status, int version, String title, String content, String categoryCode,
		String categoryName, String areaUnitCode, String areaUnitName, String address, Double lat, Double lng,
		OffsetDateTime receivedAt, OffsetDateTime createdAt, String createdBy, ComplainantView complainant,
		String accusedUnitCode, String assignedUnitCode, String assignedUnitName, WarningLevel warningLevel,
		OffsetDateTime currentDueAt, List<DeadlineView> deadlines, List<UnitView> units, int returnCount,
		int reopenCount, ReplyView reply, VisitView visit, ExtensionView pendingExtension, Long parentCaseId,
		String parentCaseNumber, List<CaseLink> mergedCases, List<TimelineEntry> timeline,
		List<String> availableActions) {

	public CaseView withQueryCode(String code) {
		return new CaseView(this.id, this.number, code, this.kind, this.type, this.petitionClass, this.channel,
				this.status, this.version, this.title, this.content, this.categoryCode, this.categoryName,
				this.areaUnitCode, this.areaUnitName, this.address, this.lat, this.lng, this.receivedAt, this.createdAt,
				this.createdBy, this.complainant, this.accusedUnitCode, this.assignedUnitCode, this.assignedUnitName,
				this.warningLevel, this.currentDueAt, this.deadlines, this.units, this.returnCount, this.reopenCount,
				this.reply, this.visit, this.pendingExtension, this.parentCaseId, this.parentCaseNumber,
				this.mergedCases, this.timeline, this.availableActions);
	}

	public boolean can(String action) {
		return this.availableActions.contains(action);
	}

	/**
	 * The complainant, for those who may see them.
	 */
	public record ComplainantView(String name, String phone, String idNumber, boolean confidential) {
	}

	/**
	 * A deadline and when it was met.
	 */
	public record DeadlineView(DeadlineKind kind, OffsetDateTime dueAt, OffsetDateTime metAt) {
	}

	/**
	 * A unit's part in the case.
	 */
	public record UnitView(String unitCode, String unitName, UnitRole role, String state, int returns,
			boolean mayReturn, OffsetDateTime assignedAt, OffsetDateTime doneAt, String note) {
	}

	/**
	 * The handling unit's reply.
	 */
	public record ReplyView(String result, String text, boolean approved, OffsetDateTime repliedAt) {
	}

	/**
	 * The return visit's two answers.
	 */
	public record VisitView(Resolution resolved, Satisfaction satisfaction, String note, OffsetDateTime visitedAt) {
	}

	/**
	 * An extension waiting for the dispatcher.
	 */
	public record ExtensionView(int amount, String unit, String reason) {
	}

	/**
	 * Another case, by id and number.
	 */
	public record CaseLink(long id, String number, CaseStatus status, String title) {
	}

}
