package org.yixian.frontline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.CaseLists;
import org.yixian.casework.CaseSummary;
import org.yixian.organisation.Actor;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * A leader's package cases, and with {@code subtree} those of the leaders in the units
 * below: late ones first, then by target date. Only cases the asker may see are listed
 * (scope and the confidentiality policy, through the case core).
 */
@Service
class PackageCases {

	private final JdbcClient jdbc;

	private final Leaders leaders;

	private final CaseLists cases;

	private final Clock clock;

	PackageCases(JdbcClient jdbc, Leaders leaders, CaseLists cases, Clock clock) {
		this.jdbc = jdbc;
		this.leaders = leaders;
		this.cases = cases;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	PageResult<PackageCase> of(String username, boolean subtree, Boolean live, Actor actor, Paging paging) {
		Leader leader = this.leaders.visible(username, actor);
		List<PackageCase> all = list(leader, subtree, live, actor);
		int from = (int) Math.min(paging.offset(), all.size());
		int to = Math.min(from + paging.size(), all.size());
		return new PageResult<>(all.subList(from, to), paging.page(), paging.size(), all.size());
	}

	List<PackageCase> list(Leader leader, boolean subtree, Boolean live, Actor actor) {
		LocalDate today = LocalDate.now(this.clock);
		List<PackageStore.Package> rows = this.jdbc.sql("""
				select p.*, u.username, u.display_name, n.id as unit_id, n.code as unit_code, n.name as unit_name
				from package_cases p join users u on u.id = p.leader_id join units n on n.id = u.unit_id
				where (p.leader_id = ? or (? and n.path like ?))
				  and (?::boolean is null or (p.outcome_at is null) = ?::boolean)
				order by p.packaged_at desc limit 2000""")
			.params(leader.id(), subtree, leader.scope().likePattern(), live, live)
			.query(PackageStore::map)
			.list();
		Map<Long, CaseSummary> visible = this.cases.summaries(rows.stream().map(PackageStore.Package::caseId).toList(),
				actor);
		return rows.stream()
			.filter((p) -> visible.containsKey(p.caseId()))
			.map((p) -> PackageCase.of(p, visible.get(p.caseId()), today))
			.sorted(Comparator.comparing((PackageCase p) -> !p.late())
				.thenComparing((PackageCase p) -> p.outcome() != null)
				.thenComparing(PackageCase::targetDate))
			.toList();
	}

	/**
	 * A package case as the list shows it.
	 */
	record PackageCase(long caseId, String number, String title, String kind, String status, String warningLevel,
			String leaderUsername, String leaderName, String leaderUnitName, String assignedBy, String plan,
			LocalDate targetDate, OffsetDateTime packagedAt, int reportCount, OffsetDateTime lastReportAt,
			Conclusion outcome, boolean late) {

		static PackageCase of(PackageStore.Package p, CaseSummary c, LocalDate today) {
			return new PackageCase(p.caseId(), c.number(), c.title(), c.kind().name(), c.status().name(),
					(c.warningLevel() != null) ? c.warningLevel().name() : null, p.leaderUsername(), p.leaderName(),
					p.leaderUnitName(), p.assignedBy(), p.plan(), p.targetDate(), p.packagedAt(), p.reportCount(),
					p.lastReportAt(),
					p.isLive() ? null
							: new Conclusion(Boolean.TRUE.equals(p.resolved()), p.outcomeText(), p.outcomeAt()),
					p.lateOn(today));
		}

	}

	/**
	 * How a package ended.
	 */
	record Conclusion(boolean resolved, String text, OffsetDateTime at) {
	}

}
