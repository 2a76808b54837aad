package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yixian.calendar.TimeLimit;
import org.yixian.organisation.Actor;

/**
 * A case as the workflow changes it: its state, its units and deadlines, and the timeline
 * entries, notifications and messages that its changes produce. Loaded and saved whole by
 * {@link CaseFiles}; the transitions live in {@link DemandWorkflow}.
 */
final class CaseFile {

	final long id;

	final String number;

	final CaseKind kind;

	final String type;

	final UnitRef area;

	final String complainantPhone;

	final int version;

	CaseStatus status;

	String categoryPath;

	UnitRef assigned;

	Long dispatchedByUnitId;

	OffsetDateTime dispatchedAt;

	OffsetDateTime signedAt;

	OffsetDateTime contactedAt;

	OffsetDateTime repliedAt;

	OffsetDateTime closedAt;

	OffsetDateTime visitedAt;

	int returnCount;

	int reopenCount;

	String replyResult;

	String replyText;

	boolean replyApproved;

	String visitResolved;

	String visitSatisfaction;

	String visitNote;

	TimeLimit pendingExtension;

	String extensionReason;

	Long parentCaseId;

	final Map<DeadlineKind, Deadline> deadlines = new EnumMap<>(DeadlineKind.class);

	final List<UnitTask> units = new ArrayList<>();

	final List<NewEvent> newEvents = new ArrayList<>();

	final List<Notice> notices = new ArrayList<>();

	final List<String> citizenMessages = new ArrayList<>();

	CaseFile(long id, String number, CaseKind kind, String type, UnitRef area, String complainantPhone, int version,
			CaseStatus status) {
		this.id = id;
		this.number = number;
		this.kind = kind;
		this.type = type;
		this.area = area;
		this.complainantPhone = complainantPhone;
		this.version = version;
		this.status = status;
	}

	/**
	 * The lead unit's task: the open one, or after closing the one that did the work (a
	 * withdrawn lead, from before a re-dispatch, is not the lead).
	 */
	Optional<UnitTask> lead() {
		return this.units.stream().filter((u) -> u.role == UnitRole.LEAD && !"WITHDRAWN".equals(u.state)).findFirst();
	}

	List<UnitTask> openAssists() {
		return this.units.stream().filter((u) -> u.role == UnitRole.ASSIST && u.isOpen()).toList();
	}

	Optional<UnitTask> task(long unitId, UnitRole role) {
		return this.units.stream().filter((u) -> u.unitId == unitId && u.role == role).findFirst();
	}

	List<CaseView.DeadlineView> deadlineViews() {
		return this.deadlines.entrySet()
			.stream()
			.map((e) -> new CaseView.DeadlineView(e.getKey(), e.getValue().dueAt(), e.getValue().metAt()))
			.toList();
	}

	List<CaseView.UnitView> unitViews() {
		return this.units.stream()
			.map((t) -> new CaseView.UnitView(t.unitCode, t.unitName, t.role, t.state, t.returns, t.mayReturn,
					t.assignedAt, t.doneAt, t.note))
			.toList();
	}

	void setDeadline(DeadlineKind kind, OffsetDateTime dueAt) {
		this.deadlines.put(kind, new Deadline(dueAt, null, true));
	}

	void meetDeadline(DeadlineKind kind, OffsetDateTime at) {
		Deadline deadline = this.deadlines.get(kind);
		if (deadline != null && deadline.metAt() == null) {
			this.deadlines.put(kind, new Deadline(deadline.dueAt(), at, true));
		}
	}

	/**
	 * The deadline that the current status runs against: signing while dispatched, the
	 * reply while in handling.
	 */
	OffsetDateTime currentDueAt() {
		DeadlineKind kind = switch (this.status) {
			case DISPATCHED -> DeadlineKind.SIGN;
			case HANDLING -> DeadlineKind.REPLY;
			default -> null;
		};
		Deadline deadline = (kind != null) ? this.deadlines.get(kind) : null;
		return (deadline != null) ? deadline.dueAt() : null;
	}

	void record(Actor actor, OffsetDateTime at, CaseAction action, CaseStatus from, String comment,
			boolean visibleToCitizen) {
		this.newEvents.add(new NewEvent(at, (actor != null) ? actor.getUsername() : null,
				(actor != null) ? actor.unitCode() : null, action.wireName(), from, this.status, comment,
				visibleToCitizen));
	}

	void recordRegistration(Actor actor, OffsetDateTime at, Channel channel) {
		this.newEvents.add(new NewEvent(at, (actor != null) ? actor.getUsername() : null,
				(actor != null) ? actor.unitCode() : null, "register", null, CaseStatus.REGISTERED, channel.name(),
				true));
	}

	void notifyUnit(long unitId, String kind, String text) {
		this.notices.add(new Notice(unitId, kind, text));
	}

	/**
	 * A deadline of the case; {@code dirty} marks those to write back.
	 */
	record Deadline(OffsetDateTime dueAt, OffsetDateTime metAt, boolean dirty) {
	}

	/**
	 * A timeline entry to append.
	 */
	record NewEvent(OffsetDateTime at, String actor, String actorUnit, String action, CaseStatus from, CaseStatus to,
			String comment, boolean visibleToCitizen) {
	}

	/**
	 * An in-app notification to a unit.
	 */
	record Notice(long unitId, String kind, String text) {
	}

}
