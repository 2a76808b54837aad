package org.yixian.frontline;

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
 * {@code package-outcome}: the package ends, the case resolved (化解) or not and why. The
 * package leader concludes it, or the leader who assigned it. The case itself goes on
 * through its own track.
 */
@Component
class PackageOutcomeAction implements SharedCaseAction {

	private final PackageStore store;

	PackageOutcomeAction(PackageStore store) {
		this.store = store;
	}

	@Override
	public String wireName() {
		return "package-outcome";
	}

	@Override
	public Class<? extends Record> command() {
		return PackageCommands.Conclude.class;
	}

	@Override
	public Set<CaseKind> kinds() {
		return PackagePolicy.KINDS;
	}

	@Override
	public Outcome admit(CaseFile file, Actor actor) {
		Optional<PackageStore.Package> live = this.store.live(file.id());
		if (live.isPresent()
				&& (live.get().leaderId() == actor.id() || live.get().assignedBy().equals(actor.getUsername()))) {
			return Outcome.DONE;
		}
		if (!PackagePolicy.oversees(actor, file)) {
			return Outcome.forbidden("package.forbidden");
		}
		return live.isEmpty() ? Outcome.illegal("package.none") : Outcome.forbidden("package.notYours");
	}

	@Override
	public Outcome perform(Object command, ActionContext context) {
		PackageCommands.Conclude conclude = (PackageCommands.Conclude) command;
		if (conclude.resolved() == null) {
			return Outcome.invalid("resolved", "NotNull");
		}
		if (Text.isBlank(conclude.text())) {
			return Outcome.invalid("text", "NotBlank");
		}
		CaseFile file = context.file();
		PackageStore.Package live = this.store.live(file.id()).orElseThrow();
		if (!this.store.conclude(live.id(), conclude.resolved(), conclude.text().strip(), context.at())) {
			return Outcome.illegal("package.none");
		}
		file.record(context.actor(), context.at(), wireName(), file.status(), conclude.text().strip(), false,
				Map.of("packageId", live.id(), "resolved", conclude.resolved()));
		return Outcome.DONE;
	}

}
