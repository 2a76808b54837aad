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
 * {@code package-report}: the package leader's dated progress report, on the case's
 * timeline.
 */
@Component
class PackageReportAction implements SharedCaseAction {

	private final PackageStore store;

	PackageReportAction(PackageStore store) {
		this.store = store;
	}

	@Override
	public String wireName() {
		return "package-report";
	}

	@Override
	public Class<? extends Record> command() {
		return PackageCommands.Report.class;
	}

	@Override
	public Set<CaseKind> kinds() {
		return PackagePolicy.KINDS;
	}

	@Override
	public Outcome admit(CaseFile file, Actor actor) {
		Optional<PackageStore.Package> live = this.store.live(file.id());
		if (live.isPresent() && live.get().leaderId() == actor.id()) {
			return Outcome.DONE;
		}
		if (!PackagePolicy.oversees(actor, file)) {
			return Outcome.forbidden("package.forbidden");
		}
		return live.isEmpty() ? Outcome.illegal("package.none") : Outcome.forbidden("package.notYours");
	}

	@Override
	public Outcome perform(Object command, ActionContext context) {
		PackageCommands.Report report = (PackageCommands.Report) command;
		if (Text.isBlank(report.text())) {
			return Outcome.invalid("text", "NotBlank");
		}
		CaseFile file = context.file();
		PackageStore.Package live = this.store.live(file.id()).orElseThrow();
		this.store.report(live.id(), context.at());
		file.record(context.actor(), context.at(), wireName(), file.status(), report.text().strip(), false,
				Map.of("packageId", live.id(), "report", live.reportCount() + 1));
		return Outcome.DONE;
	}

}
