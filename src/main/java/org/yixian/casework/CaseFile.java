package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yixian.calendar.TimeLimit;
import org.yixian.organisation.Actor;

/**
 * A case as a track's workflow changes it: its state, its units and deadlines, and the
 * timeline entries, notifications, messages and documents that its changes produce.
 * Loaded and saved whole by {@link CaseFiles}; the transitions live in each track's
 * workflow ({@link CaseTrack}), which reads and changes the case only through these
 * methods.
 */
public final class CaseFile {

	final long id;

	final String number;

	final CaseKind kind;

	final String type;

	final UnitRef area;

	final String complainantPhone;

	String complainantName;

	String complainantIdNumber;

	boolean confidential;

	/** Whether the case is linked (关联) to another. */
	boolean linked;

	final int version;

	CaseStatus status;

	String categoryPath;

	Long categoryId;

	UnitRef assigned;

	boolean assignedChanged;

	UnitRef accused;

	Long dispatchedByUnitId;

	OffsetDateTime receivedAt;

	Long registeredUnitId;

	OffsetDateTime dispatchedAt;

	OffsetDateTime signedAt;

	OffsetDateTime contactedAt;

	OffsetDateTime repliedAt;

	OffsetDateTime closedAt;

	OffsetDateTime visitedAt;

	OffsetDateTime lastEventAt;

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

	NewCase.Origin origin;

	final Map<DeadlineKind, Deadline> deadlines = new EnumMap<>(DeadlineKind.class);

	final List<UnitTask> units = new ArrayList<>();

	final List<NewEvent> newEvents = new ArrayList<>();

	final List<Notice> notices = new ArrayList<>();

	final List<String> citizenMessages = new ArrayList<>();

	final List<NewVisit> newVisits = new ArrayList<>();

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
	 * A case that lives only in memory, for domain tests of the workflows.
	 */
	public static CaseFile inMemory(long id, String number, CaseKind kind, String type, UnitRef area,
			CaseStatus status) {
		return new CaseFile(id, number, kind, type, area, null, 0, status);
	}

	public long id() {
		return this.id;
	}

	public String number() {
		return this.number;
	}

	public CaseKind kind() {
		return this.kind;
	}

	public String type() {
		return this.type;
	}

	public UnitRef area() {
		return this.area;
	}

	public String complainantName() {
		return this.complainantName;
	}

	public String complainantPhone() {
		return this.complainantPhone;
	}

	public String complainantIdNumber() {
		return this.complainantIdNumber;
	}

	/**
	 * Whether the complainant asked that their identity be kept from the handling unit.
	 */
	public boolean confidential() {
		return this.confidential;
	}

	public int version() {
		return this.version;
	}

	public CaseStatus status() {
		return this.status;
	}

	public void status(CaseStatus status) {
		this.status = status;
	}

	public String categoryPath() {
		return this.categoryPath;
	}

	public void categoryPath(String path) {
		this.categoryPath = path;
	}

	public Long categoryId() {
		return this.categoryId;
	}

	public UnitRef assigned() {
		return this.assigned;
	}

	public void assigned(UnitRef unit) {
		this.assigned = unit;
		this.assignedChanged = true;
	}

	/**
	 * The unit complained about, if any: neither it nor any unit below it may ever handle
	 * or see the case.
	 */
	public UnitRef accused() {
		return this.accused;
	}

	public void accused(UnitRef unit) {
		this.accused = unit;
	}

	public Long dispatchedByUnitId() {
		return this.dispatchedByUnitId;
	}

	public void dispatchedByUnitId(Long unitId) {
		this.dispatchedByUnitId = unitId;
	}

	public OffsetDateTime receivedAt() {
		return this.receivedAt;
	}

	/**
	 * The unit whose staff registered the case (null for citizens' own submissions).
	 */
	public Long registeredUnitId() {
		return this.registeredUnitId;
	}

	public void receivedAt(OffsetDateTime at) {
		this.receivedAt = at;
	}

	public OffsetDateTime dispatchedAt() {
		return this.dispatchedAt;
	}

	public void dispatchedAt(OffsetDateTime at) {
		this.dispatchedAt = at;
	}

	public OffsetDateTime signedAt() {
		return this.signedAt;
	}

	public void signedAt(OffsetDateTime at) {
		this.signedAt = at;
	}

	public OffsetDateTime contactedAt() {
		return this.contactedAt;
	}

	public void contactedAt(OffsetDateTime at) {
		this.contactedAt = at;
	}

	public OffsetDateTime repliedAt() {
		return this.repliedAt;
	}

	public OffsetDateTime closedAt() {
		return this.closedAt;
	}

	public void closedAt(OffsetDateTime at) {
		this.closedAt = at;
	}

	public OffsetDateTime visitedAt() {
		return this.visitedAt;
	}

	public void visitedAt(OffsetDateTime at) {
		this.visitedAt = at;
	}

	/**
	 * When the latest entry of the timeline happened (its {@code at}); an action may not
	 * be recorded before it.
	 */
	public OffsetDateTime lastEventAt() {
		return this.lastEventAt;
	}

	public int returnCount() {
		return this.returnCount;
	}

	public void countReturn() {
		this.returnCount++;
	}

	public int reopenCount() {
		return this.reopenCount;
	}

	public void countReopen() {
		this.reopenCount++;
	}

	public String replyResult() {
		return this.replyResult;
	}

	public String replyText() {
		return this.replyText;
	}

	public boolean replyApproved() {
		return this.replyApproved;
	}

	public void replyApproved(boolean approved) {
		this.replyApproved = approved;
	}

	/**
	 * Records the handling unit's reply (or a decision's text) as the case's answer.
	 */
	public void reply(String result, String text, OffsetDateTime at, boolean approved) {
		this.replyResult = result;
		this.replyText = text;
		this.repliedAt = at;
		this.replyApproved = approved;
	}

	/**
	 * Records a return visit: its answers go on the case and into its own record, so a
	 * reopened case keeps every visit.
	 */
	public void recordVisit(Actor actor, OffsetDateTime at, String resolved, String satisfaction, String note) {
		this.visitedAt = at;
		this.visitResolved = resolved;
		this.visitSatisfaction = satisfaction;
		this.visitNote = note;
		Long unitId = lead().map((t) -> t.unitId).orElse(null);
		this.newVisits
			.add(new NewVisit(at, (actor != null) ? actor.getUsername() : null, unitId, resolved, satisfaction, note));
	}

	public TimeLimit pendingExtension() {
		return this.pendingExtension;
	}

	public String extensionReason() {
		return this.extensionReason;
	}

	public void pendingExtension(TimeLimit extension, String reason) {
		this.pendingExtension = extension;
		this.extensionReason = reason;
	}

	public Long parentCaseId() {
		return this.parentCaseId;
	}

	public void parentCaseId(Long id) {
		this.parentCaseId = id;
	}

	/**
	 * The frontline work the case came from (a reception day, a down-visit, …), or null.
	 */
	public NewCase.Origin origin() {
		return this.origin;
	}

	public List<UnitTask> units() {
		return this.units;
	}

	/**
	 * The lead unit's task: the open one, or after closing the one that did the work (a
	 * withdrawn lead, from before a re-dispatch, is not the lead).
	 */
	public Optional<UnitTask> lead() {
		Optional<UnitTask> open = this.units.stream().filter((u) -> u.role == UnitRole.LEAD && u.isOpen()).findFirst();
		if (open.isPresent()) {
			return open;
		}
		UnitTask latest = null;
		for (UnitTask task : this.units) {
			if (task.role == UnitRole.LEAD && !UnitTask.WITHDRAWN.equals(task.state)
					&& (latest == null || !task.assignedAt.isBefore(latest.assignedAt))) {
				latest = task;
			}
		}
		return Optional.ofNullable(latest);
	}

	public List<UnitTask> openAssists() {
		return this.units.stream().filter((u) -> u.role == UnitRole.ASSIST && u.isOpen()).toList();
	}

	public Optional<UnitTask> task(long unitId, UnitRole role) {
		return this.units.stream().filter((u) -> u.unitId == unitId && u.role == role).findFirst();
	}

	/**
	 * Gives the unit a task in the case (a new one, or its earlier one opened again).
	 */
	public UnitTask open(UnitRef unit, UnitRole role, OffsetDateTime at) {
		UnitTask task = task(unit.id(), role).orElse(null);
		if (task == null) {
			task = new UnitTask(unit.id(), unit.code(), unit.name(), unit.path(), role, UnitTask.OPEN, true, 0, at,
					null, null);
			this.units.add(task);
		}
		task.reopen(at);
		return task;
	}

	/**
	 * Withdraws every open lead and assisting task (before a re-dispatch or a merge).
	 */
	public void withdrawOpenTasks(OffsetDateTime at, boolean copiesToo) {
		for (UnitTask task : this.units) {
			if (task.isOpen() && (copiesToo || task.role != UnitRole.COPY)) {
				task.withdraw(at);
			}
		}
	}

	/**
	 * Marks every open task done (at closing).
	 */
	public void finishOpenTasks(OffsetDateTime at) {
		for (UnitTask task : this.units) {
			if (task.isOpen()) {
				task.finish(at, null);
			}
		}
	}

	public Map<DeadlineKind, Deadline> deadlines() {
		return Collections.unmodifiableMap(this.deadlines);
	}

	public Optional<Deadline> deadline(DeadlineKind kind) {
		return Optional.ofNullable(this.deadlines.get(kind));
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

	public void setDeadline(DeadlineKind kind, OffsetDateTime dueAt) {
		this.deadlines.put(kind, new Deadline(dueAt, null, true));
	}

	public void meetDeadline(DeadlineKind kind, OffsetDateTime at) {
		Deadline deadline = this.deadlines.get(kind);
		if (deadline != null && deadline.metAt() == null) {
			this.deadlines.put(kind, new Deadline(deadline.dueAt(), at, true));
		}
	}

	/**
	 * Moves a deadline by a number of days (a hearing's length, which does not count).
	 */
	public void postponeDeadline(DeadlineKind kind, java.time.Duration by) {
		Deadline deadline = this.deadlines.get(kind);
		if (deadline != null) {
			this.deadlines.put(kind, new Deadline(deadline.dueAt().plus(by), deadline.metAt(), true));
		}
	}

	/**
	 * Records a timeline entry with no structured payload.
	 */
	public void record(Actor actor, OffsetDateTime at, String action, CaseStatus from, String comment,
			boolean visibleToCitizen) {
		record(actor, at, action, from, comment, visibleToCitizen, Map.of());
	}

	/**
	 * Records a timeline entry; {@code payload} holds the action's values as data (the
	 * visit's answers, the decision's outcome, the extension granted) for scorecards and
	 * integrity checks.
	 */
	public void record(Actor actor, OffsetDateTime at, String action, CaseStatus from, String comment,
			boolean visibleToCitizen, Map<String, ?> payload) {
		this.newEvents.add(new NewEvent(at, (actor != null) ? actor.getUsername() : null,
				(actor != null) ? actor.unitCode() : null, action, from, this.status, comment, visibleToCitizen,
				(payload == null || payload.isEmpty()) ? null : Map.copyOf(payload)));
	}

	void recordRegistration(Actor actor, OffsetDateTime at, Channel channel) {
		this.newEvents.add(new NewEvent(at, (actor != null) ? actor.getUsername() : null,
				(actor != null) ? actor.unitCode() : null, "register", null, CaseStatus.REGISTERED, channel.name(),
				true, Map.of("channel", channel.name())));
	}

	/**
	 * The entries this change appends, in order.
	 */
	public List<NewEvent> newEvents() {
		return Collections.unmodifiableList(this.newEvents);
	}

	public void notifyUnit(long unitId, String kind, String text) {
		this.notices.add(new Notice(unitId, kind, text));
	}

	/**
	 * Tells the citizen (and every citizen whose case was merged into this one); the text
	 * is a message key.
	 */
	public void messageCitizen(String messageKey) {
		this.citizenMessages.add(messageKey);
	}

	public List<String> citizenMessages() {
		return Collections.unmodifiableList(this.citizenMessages);
	}

	public List<Notice> notices() {
		return Collections.unmodifiableList(this.notices);
	}

	/**
	 * A deadline of the case; {@code dirty} marks those to write back.
	 */
	public record Deadline(OffsetDateTime dueAt, OffsetDateTime metAt, boolean dirty) {
	}

	/**
	 * A timeline entry to append.
	 */
	public record NewEvent(OffsetDateTime at, String actor, String actorUnit, String action, CaseStatus from,
			CaseStatus to, String comment, boolean visibleToCitizen, Map<String, Object> payload) {
	}

	/**
	 * An in-app notification to a unit.
	 */
	public record Notice(long unitId, String kind, String text) {
	}

	/**
	 * A return visit to keep as its own record.
	 */
	record NewVisit(OffsetDateTime at, String actor, Long unitId, String resolved, String satisfaction, String note) {
	}

}
