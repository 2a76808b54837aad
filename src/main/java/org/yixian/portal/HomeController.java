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

	HomeController(Units units, UserAccounts accounts, Categories categories, AuditLog audit) {
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
		if (actor.has(Role.ADMIN)) {
			model.addAttribute("recentAudit",
					this.audit.search(new AuditQuery(null, null, null, null), new Paging(0, 8)).items());
		}
		return "home";
	}

}
