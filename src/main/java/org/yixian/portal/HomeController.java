package org.yixian.portal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yixian.audit.AuditLog;
import org.yixian.audit.AuditQuery;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;
import org.yixian.organisation.UnitKind;
import org.yixian.organisation.UserAccounts;
import org.yixian.organisation.Units;
import org.yixian.shared.Paging;

/**
 * The workbench: what lies in the signed-in person's scope, and for administrators the
 * latest entries of the operation log.
 */
@Controller
class HomeController {

	private final Units units;

	private final UserAccounts accounts;

	private final Categories categories;

	private final AuditLog audit;

	private final org.yixian.casework.CaseLists cases;

	private final org.yixian.casework.CaseTrend trend;

	HomeController(Units units, UserAccounts accounts, Categories categories, AuditLog audit,
			org.yixian.casework.CaseLists cases, org.yixian.casework.CaseTrend trend) {
		this.cases = cases;
		this.trend = trend;
		this.units = units;
		this.accounts = accounts;
		this.categories = categories;
		this.audit = audit;
	}

	@GetMapping("/")
	@PreAuthorize("isAuthenticated()")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("actor", actor);
		model.addAttribute("unitCount", this.units.count(actor.scope()));
		model.addAttribute("userCount", this.accounts.count(actor.scope()));
		model.addAttribute("categoryCount", this.categories.count());
		var kinds = new java.util.EnumMap<UnitKind, Long>(UnitKind.class);
		for (var unit : this.units.tree(actor.scope())) {
			kinds.merge(unit.kind(), 1L, Long::sum);
		}
		model.addAttribute("unitsByKind", kinds);
		var counts = this.cases.inboxCounts(actor);
		model.addAttribute("inboxCounts", counts);
		model.addAttribute("hasWork", counts.values().stream().anyMatch((n) -> n > 0));
		counts.entrySet().stream().filter((e) -> e.getValue() > 0).findFirst().ifPresent((first) -> {
			model.addAttribute("urgentInbox", first.getKey());
			model.addAttribute("urgent",
					this.cases.search(org.yixian.casework.CaseQuery.inbox(first.getKey()), actor, new Paging(0, 8))
						.items());
		});
		var trend = this.trend.lastDays(actor, 30);
		model.addAttribute("trendJson", "{\"days\":" + json(trend.days()) + ",\"received\":" + trend.received()
				+ ",\"closed\":" + trend.closed() + "}");
		if (actor.has(Role.ADMIN)) {
			model.addAttribute("recentAudit",
					this.audit.search(new AuditQuery(null, null, null, null), new Paging(0, 8)).items());
		}
		return "home";
	}

	private static String json(java.util.List<String> labels) {
		return labels.stream()
			.map((label) -> "\"" + label.replace("\"", "") + "\"")
			.collect(java.util.stream.Collectors.joining(",", "[", "]"));
	}

}
