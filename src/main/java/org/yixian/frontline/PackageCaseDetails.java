package org.yixian.frontline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseViewContributor;
import org.yixian.organisation.Actor;

/**
 * What a case shows of its package (包案): {@code packageLeader}, the plan, the target date
 * and whether it has passed ({@code packageLate}), the reports so far and the outcome.
 */
@Component
class PackageCaseDetails implements CaseViewContributor {

	private final PackageStore store;

	private final Clock clock;

	PackageCaseDetails(PackageStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public Map<String, Object> details(CaseFile file, Actor actor) {
		Optional<PackageStore.Package> found = this.store.latest(file.id());
		if (found.isEmpty()) {
			return Map.of();
		}
		PackageStore.Package p = found.get();
		Map<String, Object> details = new LinkedHashMap<>();
		Map<String, Object> leader = new LinkedHashMap<>();
		leader.put("username", p.leaderUsername());
		leader.put("displayName", p.leaderName());
		leader.put("unitCode", p.leaderUnitCode());
		leader.put("unitName", p.leaderUnitName());
		details.put("packageLeader", leader);
		details.put("packageAssignedBy", p.assignedBy());
		details.put("packagePlan", p.plan());
		details.put("packageTargetDate", p.targetDate().toString());
		details.put("packageLate", p.lateOn(LocalDate.now(this.clock)));
		details.put("packageReportCount", p.reportCount());
		details.put("packageLastReportAt", p.lastReportAt());
		Map<String, Object> outcome = null;
		if (!p.isLive()) {
			outcome = new LinkedHashMap<>();
			outcome.put("resolved", p.resolved());
			outcome.put("text", p.outcomeText());
			outcome.put("at", p.outcomeAt());
		}
		details.put("packageOutcome", outcome);
		return details;
	}

}
