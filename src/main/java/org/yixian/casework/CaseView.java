package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A case as {@code GET /api/v1/cases/{id}} and the case page show it, built in one place
 * ({@link CaseQueries}). {@code complainant} is null for those who may not see it, masked
 * for petitions until revealed; {@code queryCode} is only present in the answer that
 * created the case; {@code details} are the track's own fields (for petitions
 * {@code repeatOf}, {@code repeatCount}, …), written at the top level.
 */
public record CaseView(long id, String number, String queryCode, CaseKind kind, String type, String petitionClass,
		Channel channel, CaseStatus status, int version, String title, String content, String categoryCode,
		String categoryName, String areaUnitCode, String areaUnitName, String address, Double lat, Double lng,
		OffsetDateTime receivedAt, OffsetDateTime createdAt, String createdBy, ComplainantView complainant,
		String accusedUnitCode, String assignedUnitCode, String assignedUnitName, WarningLevel warningLevel,
		OffsetDateTime currentDueAt, List<DeadlineView> deadlines, List<UnitView> units, int returnCount,
		int reopenCount, ReplyView reply, VisitView visit, List<VisitView> visits, ExtensionView pendingExtension,
		Long parentCaseId, String parentCaseNumber, List<CaseLink> mergedCases, List<TimelineEntry> timeline,
		List<String> availableActions, @JsonIgnore Map<String, Object> details) {

	public CaseView withQueryCode(String code) {
		return new CaseView(this.id, this.number, code, this.kind, this.type, this.petitionClass, this.channel,
				this.status, this.version, this.title, this.content, this.categoryCode, this.categoryName,
				this.areaUnitCode, this.areaUnitName, this.address, this.lat, this.lng, this.receivedAt, this.createdAt,
				this.createdBy, this.complainant, this.accusedUnitCode, this.assignedUnitCode, this.assignedUnitName,
				this.warningLevel, this.currentDueAt, this.deadlines, this.units, this.returnCount, this.reopenCount,
				this.reply, this.visit, this.visits, this.pendingExtension, this.parentCaseId, this.parentCaseNumber,
				this.mergedCases, this.timeline, this.availableActions, this.details);
	}

	/**
	 * The same view with the complainant as revealed.
	 */
	public CaseView withComplainant(ComplainantView who) {
		return new CaseView(this.id, this.number, this.queryCode, this.kind, this.type, this.petitionClass,
				this.channel, this.status, this.version, this.title, this.content, this.categoryCode, this.categoryName,
				this.areaUnitCode, this.areaUnitName, this.address, this.lat, this.lng, this.receivedAt, this.createdAt,
				this.createdBy, who, this.accusedUnitCode, this.assignedUnitCode, this.assignedUnitName,
				this.warningLevel, this.currentDueAt, this.deadlines, this.units, this.returnCount, this.reopenCount,
				this.reply, this.visit, this.visits, this.pendingExtension, this.parentCaseId, this.parentCaseNumber,
				this.mergedCases, this.timeline, this.availableActions, this.details);
	}

	public boolean can(String action) {
		return this.availableActions.contains(action);
	}

	@JsonAnyGetter
	public Map<String, Object> trackDetails() {
		return (this.details != null) ? this.details : Map.of();
	}

	/**
	 * The complainant, for those who may see them; {@code masked} until revealed.
	 */
	public record ComplainantView(String name, String phone, String idNumber, boolean confidential,
			boolean masked) implements java.io.Serializable {
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
	 * A return visit's two answers, and whose reply it judged; {@code channel}
	 * {@code ONLINE} when the citizen gave it on the progress page (null for a visit the
	 * hotline recorded).
	 */
	public record VisitView(Resolution resolved, Satisfaction satisfaction, String note, OffsetDateTime visitedAt,
			String unitCode, String channel) {
	}

	/**
	 * An extension waiting for a decision.
	 */
	public record ExtensionView(int amount, String unit, String reason) {
	}

	/**
	 * Another case, by id and number.
	 */
	public record CaseLink(long id, String number, CaseStatus status, String title) {
	}

}
