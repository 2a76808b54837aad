package org.yixian.frontline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yixian.casework.ActionContext;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseKind;
import org.yixian.casework.Outcome;
import org.yixian.casework.SharedCaseAction;
import org.yixian.organisation.Actor;

/**
 * {@code package}: a leader takes personal charge of a hard case or a backlog petition
 * (包案), on their own or on a superior's assignment, with a plan and a target date. The
 * case's timeline records it; the package leader's unit is notified.
 */
@Component
class PackageAction implements SharedCaseAction {

	private final PackageStore store;

	private final Leaders leaders;

	private final Clock clock;

	PackageAction(PackageStore store, Leaders leaders, Clock clock) {
		this.store = store;
		this.leaders = leaders;
		this.clock = clock;
	}

	@Override
	public String wireName() {
		return "package";
	}

	@Override
	public Class<? extends Record> command() {
		return PackageCommands.Take.class;
	}

	@Override
	public Set<CaseKind> kinds() {
		return PackagePolicy.KINDS;
	}

	@Override
	public Outcome admit(CaseFile file, Actor actor) {
		if (!PackagePolicy.oversees(actor, file)) {
			return Outcome.forbidden("package.forbidden");
		}
		if (!PackagePolicy.packageable(file.status())) {
			return Outcome.illegal("package.notNow");
		}
		if (this.store.live(file.id()).isPresent()) {
			return Outcome.illegal("package.already");
		}
		return Outcome.DONE;
	}

	@Override
	public Outcome perform(Object command, ActionContext context) {
		PackageCommands.Take take = (PackageCommands.Take) command;
		CaseFile file = context.file();
		Actor actor = context.actor();
		if (Text.isBlank(take.leaderUsername())) {
			return Outcome.invalid("leaderUsername", "NotBlank");
		}
		Optional<Leader> leader = this.leaders.find(take.leaderUsername().strip())
			.filter((l) -> actor.scope().covers(l.unitPath()) && PackagePolicy.mayLead(l.unitPath(), file));
		if (leader.isEmpty()) {
			return Outcome.invalid("leaderUsername", "package.leaderNotOver");
		}
		if (Text.isBlank(take.plan())) {
			return Outcome.invalid("plan", "NotBlank");
		}
		if (take.targetDate() == null) {
			return Outcome.invalid("targetDate", "NotNull");
		}
		LocalDate today = context.at().atZoneSameInstant(this.clock.getZone()).toLocalDate();
		if (take.targetDate().isBefore(today)) {
			return Outcome.invalid("targetDate", "package.targetInPast");
		}
		if (!this.store.take(file.id(), leader.get(), actor.getUsername(), take.plan().strip(), take.targetDate(),
				context.at())) {
			return Outcome.illegal("package.already");
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("leaderUsername", leader.get().username());
		payload.put("leaderName", leader.get().displayName());
		payload.put("targetDate", take.targetDate().toString());
		file.record(actor, context.at(), wireName(), file.status(),
				leader.get().displayName() + " · " + take.targetDate() + "\n" + take.plan().strip(), false, payload);
		file.notifyUnit(leader.get().unitId(), "PACKAGED", "package.notice.assigned");
		return Outcome.DONE;
	}

}
