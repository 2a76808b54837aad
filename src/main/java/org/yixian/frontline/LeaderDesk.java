package org.yixian.frontline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yixian.casework.CaseLists;
import org.yixian.casework.CaseQuery;
import org.yixian.casework.CaseSummary;
import org.yixian.frontline.DownVisits.DownVisitView;
import org.yixian.frontline.PackageCases.PackageCase;
import org.yixian.frontline.ReceptionViews.ReceptionSummary;
import org.yixian.frontline.SurveyViews.SurveySummary;
import org.yixian.organisation.Actor;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * The leader's desk: what a leader opens every morning. Reception days and down-visits of
 * today and the next two weeks, package cases (own and of the leaders below) with the
 * late ones first, open tasks of the sessions and research visits they and the leaders
 * below hold, overdue cases in their subtree and recent surveys; each part one indexed
 * query.
 */
@Service
class LeaderDesk {

	static final int DAYS_AHEAD = 14;

	private final JdbcClient jdbc;

	private final Leaders leaders;

	private final PackageCases packages;

	private final DownVisits downVisits;

	private final Tasks tasks;

	private final Surveys surveys;

	private final CaseLists cases;

	private final Clock clock;

	LeaderDesk(JdbcClient jdbc, Leaders leaders, PackageCases packages, DownVisits downVisits, Tasks tasks,
			Surveys surveys, CaseLists cases, Clock clock) {
		this.jdbc = jdbc;
		this.leaders = leaders;
		this.packages = packages;
		this.downVisits = downVisits;
		this.tasks = tasks;
		this.surveys = surveys;
		this.cases = cases;
		this.clock = clock;
	}

	Desk of(String username, Actor actor) {
		Leader leader = this.leaders.visible(username, actor);
		LocalDate today = LocalDate.now(this.clock);
		OffsetDateTime from = today.atStartOfDay(this.clock.getZone()).toOffsetDateTime();
		List<ReceptionSummary> receptions = this.jdbc
			.sql(Receptions.SUMMARY
					+ " where r.leader_id = ? and r.ends_at > ? and r.starts_at < ? order by r.starts_at limit 20")
			.params(leader.id(), from, from.plusDays(DAYS_AHEAD + 1))
			.query(Receptions::summary)
			.list();
		List<DownVisitView> visits = this.downVisits.upcoming(leader, today)
			.stream()
			.filter((v) -> !v.date().isAfter(today.plusDays(DAYS_AHEAD)))
			.toList();
		List<PackageCase> all = this.packages.list(leader, true, true, actor);
		List<PackageCase> own = all.stream().filter((p) -> p.leaderUsername().equals(leader.username())).toList();
		List<PackageCase> below = all.stream().filter((p) -> !p.leaderUsername().equals(leader.username())).toList();
		List<TaskView> openTasks = this.tasks.openLedBy(leader);
		CaseQuery overdue = actor.getUsername().equals(leader.username()) ? CaseQuery.inbox(CaseQuery.Inbox.OVERDUE)
				: new CaseQuery(null, leader.unitCode(), null, true, null, null, null, null);
		PageResult<CaseSummary> overdueCases = this.cases.search(overdue, actor, new Paging(0, 10));
		List<SurveySummary> recentSurveys = this.surveys.recent(leader.scope().likePattern(), 5);
		return new Desk(leader, today, receptions, visits, own, below, all.stream().filter(PackageCase::late).count(),
				openTasks, openTasks.stream().filter(TaskView::overdue).count(), overdueCases.items(),
				// another leader's desk is a search (counted to 10,000): it shows
				// "1000+" alike
				Math.min(overdueCases.total(), CaseLists.INBOX_COUNT_CAP + 1), recentSurveys);
	}

	/**
	 * Everything on one leader's desk.
	 */
	record Desk(@JsonIgnore Leader leader, LocalDate today, List<ReceptionSummary> receptions,
			List<DownVisitView> downVisits, List<PackageCase> ownPackages, List<PackageCase> subtreePackages,
			long latePackages, List<TaskView> openTasks, long overdueTasks, List<CaseSummary> overdueCases,
			long overdueCaseCount, List<SurveySummary> recentSurveys) {

		public String leaderUsername() {
			return this.leader.username();
		}

		public String leaderName() {
			return this.leader.displayName();
		}

		public String unitName() {
			return this.leader.unitName();
		}

	}

}
