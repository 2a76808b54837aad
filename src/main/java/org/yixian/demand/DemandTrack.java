package org.yixian.demand;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseKind;
import org.yixian.casework.NewCase;
import org.yixian.casework.CaseTrack;
import org.yixian.casework.CaseUnits;
import org.yixian.casework.CommonCommands;
import org.yixian.casework.CommonTransitions;
import org.yixian.casework.DeadlineKind;
import org.yixian.casework.DemandType;
import org.yixian.casework.Outcome;
import org.yixian.casework.TrackAction;
import org.yixian.casework.UnitRef;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Actor;
import org.yixian.routing.Route;
import org.yixian.routing.Routing;
import org.yixian.calendar.TimeLimit;

/**
 * The demand track as the case core sees it: admits an action (permission first, then
 * state), reads the units it names, and hands it to {@link DemandWorkflow}.
 */
@Component
class DemandTrack implements CaseTrack {

	private final DemandWorkflow workflow;

	private final CaseUnits units;

	private final Routing routing;

	private final Categories categories;

	DemandTrack(DemandWorkflow workflow, CaseUnits units, Routing routing, Categories categories) {
		this.workflow = workflow;
		this.units = units;
		this.routing = routing;
		this.categories = categories;
	}

	@Override
	public CaseKind kind() {
		return CaseKind.DEMAND;
	}

	@Override
	public List<DemandAction> actions() {
		return Arrays.asList(DemandAction.values());
	}

	@Override
	public Outcome admit(CaseFile file, Actor actor, TrackAction action) {
		DemandAction demand = (DemandAction) action;
		if (actor != null
				&& (!DemandPermissions.mayAttempt(actor, file, demand) || officeOutsideItsTrack(actor, demand))) {
			return Outcome.forbidden("case.forbidden");
		}
		if (!demand.startsFrom(file.status())) {
			return Outcome.illegal("case.illegalTransition");
		}
		return Outcome.DONE;
	}

	/**
	 * The petition office's staff are dispatchers of petitions, not of the hotline's
	 * demands: they may look, not dispatch, review or visit.
	 */
	private boolean officeOutsideItsTrack(Actor actor, DemandAction action) {
		if (actor.isCitizen()) {
			return false;
		}
		return switch (action) {
			case SIGN, RETURN, CONTACT, REQUEST_EXTENSION, REPLY, REPORT, SUPERVISE -> false;
			default -> this.units.isPetitionOffice(actor);
		};
	}

	@Override
	public DeadlineKind runningDeadline(CaseFile file) {
		return switch (file.status()) {
			case DISPATCHED -> DeadlineKind.SIGN;
			case HANDLING -> DeadlineKind.REPLY;
			default -> null;
		};
	}

	@Override
	public void registered(CaseFile file, Registration registration, ActionContext context) {
		if (registration.answer() != null && DemandType.CONSULT.name().equals(file.type())) {
			NewCase.AnswerSource source = registration.command().answerSource();
			this.workflow.close(context, registration.answer(), (source == null) ? java.util.Map.of() : java.util.Map
				.of("knowledgeArticleId", source.articleId(), "knowledgeArticleVersion", source.version()));
			return;
		}
		Optional<Route> route = this.routing.route(file.categoryPath(), file.area().path());
		if (route.isEmpty()) {
			return;
		}
		UnitRef target = this.units.byId(route.get().targetUnitId()).orElseThrow();
		if (file.accused() != null && file.accused().covers(target.path())) {
			return;
		}
		List<UnitRef> copies = route.get()
			.copyUnitIds()
			.stream()
			.map((id) -> this.units.byId(id).orElseThrow())
			.filter((u) -> file.accused() == null || !file.accused().covers(u.path()))
			.toList();
		this.workflow.dispatch(context, target, List.of(), copies, limits(file), null);
	}

	@Override
	public Outcome perform(TrackAction action, Object command, ActionContext context) {
		CaseFile file = context.file();
		Actor actor = context.actor();
		return switch ((DemandAction) action) {
			case DISPATCH -> {
				CommonCommands.Dispatch dispatch = (CommonCommands.Dispatch) command;
				UnitRef target = this.units.handler(dispatch.unitCode(), "unitCode", actor, file, true);
				if (target == null) {
					yield Outcome.invalid("unitCode", "NotBlank");
				}
				yield this.workflow.dispatch(context, target,
						this.units.handlers(dispatch.assistUnitCodes(), "assistUnitCodes", actor, file),
						this.units.handlers(dispatch.copyUnitCodes(), "copyUnitCodes", actor, file), limits(file),
						dispatch.note());
			}
			case SIGN -> this.workflow.sign(context);
			case RETURN -> this.workflow.returnToDispatcher(context, ((CommonCommands.Reason) command).reason());
			case REVIEW_RETURN -> {
				CommonCommands.ReviewObjection review = (CommonCommands.ReviewObjection) command;
				UnitRef unit = (review.decision() == CommonCommands.ReviewDecision.ACCEPT)
						? this.units.handler(review.unitCode(), "unitCode", actor, file, true) : null;
				yield this.workflow.reviewReturn(context, review.decision(), unit, limits(file), review.comment());
			}
			case CONTACT -> this.workflow.contact(context, ((CommonCommands.Note) command).note());
			case REQUEST_EXTENSION -> {
				CommonCommands.Extension extension = (CommonCommands.Extension) command;
				yield this.workflow.requestExtension(context, new TimeLimit(extension.amount(), extension.unit()),
						extension.reason());
			}
			case DECIDE_EXTENSION -> {
				CommonCommands.Decision decision = (CommonCommands.Decision) command;
				yield this.workflow.decideExtension(context, decision.approve(), decision.comment());
			}
			case REPLY -> {
				DemandAction.Reply reply = (DemandAction.Reply) command;
				yield this.workflow.reply(context, reply.result(), reply.text());
			}
			case REVIEW_REPLY -> {
				CommonCommands.Decision decision = (CommonCommands.Decision) command;
				yield this.workflow.reviewReply(context, decision.approve(), decision.comment());
			}
			case RETURN_VISIT -> {
				DemandAction.ReturnVisit visit = (DemandAction.ReturnVisit) command;
				yield this.workflow.recordReturnVisit(context, visit.resolved(), visit.satisfaction(), visit.note());
			}
			case REOPEN -> this.workflow.reopen(context, ((CommonCommands.Reason) command).reason(), limits(file));
			case CLOSE -> this.workflow.close(context, ((CommonCommands.Note) command).note());
			case MERGE -> CommonTransitions.merge(context, ((CommonCommands.Merge) command).intoCaseId());
			case SPLIT -> split(context, (DemandAction.Split) command);
			case SUPERVISE -> CommonTransitions.supervise(context, ((CommonCommands.Note) command).note());
			case ESCALATE -> {
				CommonCommands.Escalate escalate = (CommonCommands.Escalate) command;
				UnitRef higher = this.units.handler(escalate.unitCode(), "unitCode", actor, file, true);
				yield this.workflow.escalate(context, higher, escalate.reason(), limits(file));
			}
			case REPORT -> this.workflow.report(context, ((CommonCommands.Note) command).note());
			case ARCHIVE -> CommonTransitions.archive(context);
		};
	}

	private Outcome split(ActionContext context, DemandAction.Split split) {
		if (split.categoryCode() != null && !split.categoryCode().isBlank()
				&& this.categories.findByCode(split.categoryCode().strip()).isEmpty()) {
			return Outcome.invalid("categoryCode", "case.unknownCategory");
		}
		String number = context.splitOff(split.title(), split.content(), split.categoryCode());
		CaseFile file = context.file();
		file.record(context.actor(), context.at(), "split", file.status(), number, false,
				java.util.Map.of("newNumber", number));
		return Outcome.DONE;
	}

	private Routing.Limits limits(CaseFile file) {
		return this.routing.limitsFor(file.kind().name(), file.type(), file.categoryPath());
	}

}
