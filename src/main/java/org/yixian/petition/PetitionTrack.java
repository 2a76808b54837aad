package org.yixian.petition;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yixian.calendar.BusinessCalendar;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseQueries;
import org.yixian.casework.CaseQueries.CaseBrief;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.CaseTrack;
import org.yixian.casework.CaseUnits;
import org.yixian.casework.CommonCommands;
import org.yixian.casework.CommonTransitions;
import org.yixian.casework.Confidentiality;
import org.yixian.casework.DeadlineKind;
import org.yixian.casework.NewCase;
import org.yixian.casework.Outcome;
import org.yixian.casework.TrackAction;
import org.yixian.casework.UnitRef;
import org.yixian.casework.UnitTask;
import org.yixian.organisation.Actor;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.Hashes;

/**
 * The petition track as the case core sees it: admits an action (permission first, then
 * state), loads the petition's own facts, hands the action to {@link PetitionWorkflow}
 * and saves the facts; at registration starts the REGISTER clock, counts the person and
 * links repeats.
 */
@Component
class PetitionTrack implements CaseTrack {

	/** A group visit names at most five representatives (《信访工作条例》 art. 17). */
	static final int MAX_REPRESENTATIVES = 5;

	private final PetitionWorkflow workflow;

	private final PetitionDecisions decisions;

	private final PetitionPermissions permissions;

	private final PetitionFacts facts;

	private final CaseUnits units;

	private final CaseQueries queries;

	private final BusinessCalendar calendar;

	private final Clock clock;

	PetitionTrack(PetitionWorkflow workflow, PetitionDecisions decisions, PetitionPermissions permissions,
			PetitionFacts facts, CaseUnits units, CaseQueries queries, BusinessCalendar calendar, Clock clock) {
		this.clock = clock;
		this.workflow = workflow;
		this.decisions = decisions;
		this.permissions = permissions;
		this.facts = facts;
		this.units = units;
		this.queries = queries;
		this.calendar = calendar;
	}

	@Override
	public CaseKind kind() {
		return CaseKind.PETITION;
	}

	@Override
	public List<PetitionAction> actions() {
		return Arrays.asList(PetitionAction.values());
	}

	@Override
	public Outcome admit(CaseFile file, Actor actor, TrackAction action) {
		PetitionAction petition = (PetitionAction) action;
		if (actor != null && !this.permissions.mayAttempt(actor, file, petition)) {
			return Outcome.forbidden("case.forbidden");
		}
		if (!petition.startsFrom(file.status()) || !stateAllows(file, petition)) {
			return Outcome.illegal("case.illegalTransition");
		}
		return Outcome.DONE;
	}

	/**
	 * What the state alone does not say: a unit objects once and within its five working
	 * days, the office closes only after the request window, a hearing is started or
	 * ended once, and the recheck is decided only with no hearing open.
	 */
	private boolean stateAllows(CaseFile file, PetitionAction action) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return switch (action) {
			case OBJECT -> file.lead().map(UnitTask::mayReturn).orElse(false)
					&& !PetitionWorkflow.windowPassed(file, DeadlineKind.OBJECT, now);
			case CLOSE -> PetitionWorkflow.windowPassed(file,
					(file.status() == CaseStatus.DECIDED) ? DeadlineKind.REVIEW_REQUEST : DeadlineKind.RECHECK_REQUEST,
					now);
			case START_HEARING, END_HEARING, RECHECK_DECIDE -> {
				boolean hearing = this.facts.load(file.id()).map((p) -> p.hearingStartedAt != null).orElse(false);
				yield (action == PetitionAction.END_HEARING) == hearing;
			}
			default -> true;
		};
	}

	@Override
	public DeadlineKind runningDeadline(CaseFile file) {
		return switch (file.status()) {
			case REGISTERED -> DeadlineKind.REGISTER;
			case TRANSFERRED -> DeadlineKind.NOTIFY;
			case ACCEPTED -> DeadlineKind.DECIDE;
			case REVIEWING -> DeadlineKind.REVIEW_DECIDE;
			case RECHECKING -> DeadlineKind.RECHECK_DECIDE;
			default -> null;
		};
	}

	@Override
	public List<FieldMessage> checkRegistration(NewCase command) {
		List<FieldMessage> problems = new ArrayList<>();
		if (command.type() != null) {
			problems.add(new FieldMessage("type", "petition.noDemandType"));
		}
		List<NewCase.Representative> named = command.namedRepresentatives();
		if (named.size() > MAX_REPRESENTATIVES) {
			problems.add(new FieldMessage("representatives", "petition.atMostFiveRepresentatives"));
		}
		for (int i = 0; i < command.representatives().size(); i++) {
			NewCase.Representative r = command.representatives().get(i);
			if (named.contains(r) && (r.name() == null || r.name().isBlank())) {
				problems.add(new FieldMessage("representatives[" + i + "].name", "NotBlank"));
			}
		}
		if (command.visitorCount() != null && named.size() > command.visitorCount()) {
			problems.add(new FieldMessage("representatives", "petition.moreRepresentativesThanVisitors"));
		}
		return problems;
	}

	@Override
	public void registered(CaseFile file, Registration registration, ActionContext context) {
		NewCase command = registration.command();
		file.setDeadline(DeadlineKind.REGISTER, this.calendar.deadline(file.receivedAt(), PetitionClocks.REGISTER));
		PetitionFacts.Petition petition = new PetitionFacts.Petition(file.id());
		petition.visitorCount = (command.visitorCount() != null) ? command.visitorCount()
				: Math.max(1, command.namedRepresentatives().size());
		petition.urgent = Boolean.TRUE.equals(command.urgent());
		petition.personKey = personKey(file);
		if (petition.personKey != null) {
			this.facts.lockPerson(petition.personKey);
		}
		List<CaseBrief> earlier = this.queries.sameComplainant(CaseKind.PETITION, file.complainantIdNumber(),
				file.complainantPhone(), file.id());
		Optional<CaseBrief> repeat = PetitionRepeats.earlier(file.categoryId(), command.title(), command.content(),
				earlier);
		if (repeat.isPresent()) {
			CaseBrief of = repeat.get();
			petition.repeatOfCaseId = of.id();
			petition.repeatOfNumber = of.number();
			if (of.status() == CaseStatus.FINAL) {
				petition.notAcceptGround = PetitionAction.NotAcceptGround.FINAL.name();
				this.workflow.notAccept(context, petition, PetitionAction.NotAcceptGround.FINAL, "同一事实和理由已经复核终结，不再受理。");
			}
			else if (of.status().isOpen()) {
				CommonTransitions.merge(context, of.id());
			}
			this.facts.insert(petition);
			this.facts.countRepeat(of.id());
		}
		else {
			this.facts.insert(petition);
		}
		this.facts.saveRepresentatives(file.id(), command.namedRepresentatives());
		if (petition.personKey != null) {
			this.facts.countPerson(petition.personKey, file.receivedAt());
		}
	}

	@Override
	public Outcome perform(TrackAction action, Object command, ActionContext context) {
		CaseFile file = context.file();
		Actor actor = context.actor();
		PetitionFacts.Petition petition = this.facts.load(file.id()).orElseGet(() -> {
			PetitionFacts.Petition created = new PetitionFacts.Petition(file.id());
			this.facts.insert(created);
			return created;
		});
		PetitionAction petitionAction = (PetitionAction) action;
		Outcome outcome = switch (petitionAction) {
			case TRANSFER -> {
				PetitionAction.Transfer transfer = (PetitionAction.Transfer) command;
				yield this.workflow.transfer(context, petition,
						this.units.handler(transfer.unitCode(), "unitCode", actor, file, true),
						Boolean.TRUE.equals(transfer.resultRequired()), transfer.note());
			}
			case ACCEPT -> this.workflow.accept(context, ownUnit(actor, file), ((CommonCommands.Note) command).note());
			case NOT_ACCEPT -> {
				PetitionAction.NotAccept notAccept = (PetitionAction.NotAccept) command;
				yield this.workflow.notAccept(context, petition, notAccept.ground(), notAccept.reason());
			}
			case OBJECT -> this.workflow.object(context, ((CommonCommands.Reason) command).reason());
			case REVIEW_OBJECTION -> {
				CommonCommands.ReviewObjection review = (CommonCommands.ReviewObjection) command;
				UnitRef unit = (review.decision() == CommonCommands.ReviewDecision.ACCEPT)
						? this.units.handler(review.unitCode(), "unitCode", actor, file, true) : null;
				yield this.workflow.reviewObjection(context, review.decision(), unit, review.comment());
			}
			case REQUEST_EXTENSION -> {
				CommonCommands.Extension extension = (CommonCommands.Extension) command;
				yield this.workflow.requestExtension(context, petition, extension.amount(), extension.unit(),
						extension.reason());
			}
			case DECIDE_EXTENSION -> {
				CommonCommands.Decision decision = (CommonCommands.Decision) command;
				yield this.workflow.decideExtension(context, petition, decision.approve(), decision.comment());
			}
			case DECIDE, REVIEW_DECIDE, RECHECK_DECIDE -> {
				PetitionAction.Decide decide = (PetitionAction.Decide) command;
				yield this.decisions.decide(context, petition, decide.outcome(), decide.text(), petitionAction);
			}
			case REQUEST_REVIEW, REQUEST_RECHECK -> {
				UnitRef deciding = file.lead()
					.flatMap((task) -> this.units.byId(task.unitId()))
					.orElse(file.assigned());
				UnitRef higher = (deciding != null) ? this.units.parentOf(deciding)
					.filter((u) -> file.accused() == null || !file.accused().covers(u.path()))
					.orElse(null) : null;
				yield this.decisions.requestHigherLevel(context, petition, ((CommonCommands.Reason) command).reason(),
						higher, petitionAction);
			}
			case START_HEARING ->
				this.decisions.startHearing(context, petition, ((CommonCommands.Note) command).note());
			case END_HEARING -> this.decisions.endHearing(context, petition, ((CommonCommands.Note) command).note());
			case CLOSE -> this.workflow.close(context, ((CommonCommands.Note) command).note());
			case FOLLOW_UP -> {
				PetitionAction.FollowUp followUp = (PetitionAction.FollowUp) command;
				yield this.workflow.followUp(context, petition, followUp.note(), followUp.done());
			}
			case SUPERVISE -> CommonTransitions.supervise(context, ((CommonCommands.Note) command).note());
			case ESCALATE -> {
				CommonCommands.Escalate escalate = (CommonCommands.Escalate) command;
				yield this.workflow.escalate(context,
						this.units.handler(escalate.unitCode(), "unitCode", actor, file, true), escalate.reason());
			}
			case MERGE -> CommonTransitions.merge(context, ((CommonCommands.Merge) command).intoCaseId());
			case ARCHIVE -> CommonTransitions.archive(context);
		};
		if (outcome.isDone()) {
			this.facts.save(petition);
		}
		return outcome;
	}

	@Override
	public Map<String, List<String>> formOptions() {
		return Map.of("grounds", Arrays.stream(PetitionAction.NotAcceptGround.values()).map(Enum::name).toList(),
				"outcomes", Arrays.stream(PetitionAction.DecisionOutcome.values()).map(Enum::name).toList());
	}

	@Override
	public Map<String, Object> details(CaseFile file, Actor actor) {
		Map<String, Object> details = new LinkedHashMap<>();
		this.facts.load(file.id()).ifPresent((petition) -> {
			details.put("repeatOf", (petition.repeatOfCaseId != null)
					? Map.of("id", petition.repeatOfCaseId, "number", String.valueOf(petition.repeatOfNumber)) : null);
			details.put("repeatCount", petition.repeatCount);
			details.put("visitorCount", petition.visitorCount);
			details.put("urgent", petition.urgent);
			details.put("resultRequired", petition.resultRequired);
			details.put("extensionUsed", petition.extensionUsed);
			details.put("hearingOpen", petition.hearingStartedAt != null);
			details.put("notAcceptGround", petition.notAcceptGround);
			details.put("outcome", petition.outcome);
			details.put("followUpOwed", petition.followUpOwed);
			details.put("frequentPetitioner", petition.personPetitions >= 3);
			details.put("representatives",
					this.facts.representatives(file.id())
						.stream()
						.map((r) -> Map.of("name", Confidentiality.maskName(r.name())))
						.toList());
		});
		return details;
	}

	private UnitRef ownUnit(Actor actor, CaseFile file) {
		return this.units.handler(actor.unitCode(), "unitCode", actor, file, false);
	}

	/**
	 * The person behind a petition, as a hash of the ID number (else the phone), never
	 * shown.
	 */
	static String personKey(CaseFile file) {
		if (file.complainantIdNumber() != null) {
			return Hashes.sha256Hex("id:" + file.complainantIdNumber().strip().toUpperCase(Locale.ROOT));
		}
		if (file.complainantPhone() != null) {
			return Hashes.sha256Hex("phone:" + file.complainantPhone().strip());
		}
		return null;
	}

}
