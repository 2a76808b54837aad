package org.yixian.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.calendar.TimeLimit;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.routing.Routing;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Carries out the named actions on a case: loads it, checks the version, asks the
 * workflow, and saves the case with its new timeline entries in one transaction. A
 * refusal changes nothing.
 */
@Service
public class CaseWork {

	private final CaseFiles files;

	private final CaseQueries queries;

	private final CaseIntake intake;

	private final Units units;

	private final Categories categories;

	private final Routing routing;

	private final Clock clock;

	private final DemandWorkflow workflow;

	CaseWork(CaseFiles files, CaseQueries queries, CaseIntake intake, Units units, Categories categories,
			Routing routing, DemandWorkflow workflow, Clock clock) {
		this.files = files;
		this.queries = queries;
		this.intake = intake;
		this.units = units;
		this.categories = categories;
		this.routing = routing;
		this.clock = clock;
		this.workflow = workflow;
	}

	@Transactional
	public CaseView act(long caseId, String actionName, ActionRequest request, Actor actor) {
		CaseAction action = CaseAction.fromWire(actionName)
			.orElseThrow(() -> new NotFoundException("action " + actionName));
		CaseFile file = this.files.load(caseId)
			.filter((f) -> CasePermissions.canSee(actor, f))
			.orElseThrow(() -> new NotFoundException("case " + caseId));
		if (request.version() == null) {
			throw new InvalidInputException("version", "NotNull");
		}
		if (request.version() != file.version) {
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
		outcome(this.workflow.admit(file, actor, action));
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		CaseFile parent = null;
		Outcome outcome = switch (action) {
			case DISPATCH -> this.workflow.dispatch(file, actor, now, unit(request.unitCode(), "unitCode", actor, true),
					units(request.assistUnitCodes(), "assistUnitCodes", actor),
					units(request.copyUnitCodes(), "copyUnitCodes", actor), limits(file));
			case SIGN -> this.workflow.sign(file, actor, now);
			case RETURN -> this.workflow.returnToDispatcher(file, actor, now, request.reason());
			case REVIEW_RETURN -> this.workflow.reviewReturn(file, actor, now, request.decision(),
					(request.decision() == ActionRequest.ReviewDecision.ACCEPT)
							? unit(request.unitCode(), "unitCode", actor, true) : null,
					limits(file), request.comment());
			case CONTACT -> this.workflow.contact(file, actor, now, request.note());
			case REQUEST_EXTENSION -> this.workflow.requestExtension(file, actor, now,
					new TimeLimit(request.amount(), request.unit()), request.reason());
			case DECIDE_EXTENSION ->
				this.workflow.decideExtension(file, actor, now, request.approve(), request.comment());
			case REPLY -> this.workflow.reply(file, actor, now, request.result(), request.text());
			case REVIEW_REPLY -> this.workflow.reviewReply(file, actor, now, request.approve(), request.comment());
			case RETURN_VISIT -> this.workflow.recordReturnVisit(file, actor, now, request.resolved(),
					request.satisfaction(), request.note());
			case REOPEN -> this.workflow.reopen(file, actor, now, request.reason(), limits(file));
			case CLOSE -> this.workflow.close(file, actor, now, request.note());
			case MERGE -> {
				if (request.intoCaseId() == null) {
					throw new InvalidInputException("intoCaseId", "NotNull");
				}
				parent = this.files.load(request.intoCaseId())
					.filter((p) -> CasePermissions.canSee(actor, p))
					.orElse(null);
				yield this.workflow.merge(file, actor, now, parent);
			}
			case SPLIT -> split(file, actor, now, request);
			case SUPERVISE -> this.workflow.supervise(file, actor, now, request.note());
			case ESCALATE -> this.workflow.escalate(file, actor, now,
					unit(request.unitCode(), "unitCode", actor, false), request.reason(), limits(file));
			case REPORT -> this.workflow.report(file, actor, now, request.note());
			case ARCHIVE -> this.workflow.archive(file, actor, now);
		};
		outcome(outcome);
		this.files.save(file);
		if (parent != null) {
			this.files.save(parent);
		}
		return this.queries.view(caseId, actor);
	}

	private Outcome split(CaseFile file, Actor actor, OffsetDateTime now, ActionRequest request) {
		if (request.categoryCode() != null && !request.categoryCode().isBlank()
				&& this.categories.findByCode(request.categoryCode().strip()).isEmpty()) {
			return Outcome.invalid("categoryCode", "case.unknownCategory");
		}
		long created = this.intake.split(file.id, request.title(), request.content(), request.categoryCode(), actor);
		String number = this.queries.view(created, actor).number();
		file.record(actor, now, CaseAction.SPLIT, file.status, number, false);
		return Outcome.DONE;
	}

	private Routing.Limits limits(CaseFile file) {
		return this.routing.limitsFor(file.kind.name(), file.type, file.categoryPath);
	}

	private UnitRef unit(String code, String field, Actor actor, boolean withinScope) {
		if (code == null || code.isBlank()) {
			return null;
		}
		Unit unit = this.units.findByCode(code.strip())
			.filter((u) -> !withinScope || u.isWithin(actor.scope()))
			.orElseThrow(() -> new InvalidInputException(field, "unit.unknown", code));
		return UnitRef.of(unit);
	}

	private List<UnitRef> units(List<String> codes, String field, Actor actor) {
		List<UnitRef> result = new ArrayList<>();
		List<FieldMessage> problems = new ArrayList<>();
		if (codes != null) {
			for (int i = 0; i < codes.size(); i++) {
				String code = codes.get(i);
				var unit = (code != null) ? this.units.findByCode(code.strip()).filter((u) -> u.isWithin(actor.scope()))
						: java.util.Optional.<Unit>empty();
				if (unit.isEmpty()) {
					problems.add(new FieldMessage(field + "[" + i + "]", "unit.unknown", String.valueOf(code)));
				}
				else {
					result.add(UnitRef.of(unit.get()));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return result;
	}

	private static void outcome(Outcome outcome) {
		if (outcome instanceof Outcome.Refused refused) {
			if (refused.why() == Outcome.Refused.Why.FORBIDDEN) {
				throw new ForbiddenException(refused.messageKey());
			}
			throw new ConflictException("ILLEGAL_TRANSITION", refused.messageKey());
		}
		if (outcome instanceof Outcome.Invalid invalid) {
			throw new InvalidInputException(invalid.field(), invalid.messageKey());
		}
	}

}
