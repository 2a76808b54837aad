package org.yixian.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yixian.catalog.Categories;
import org.yixian.catalog.NewCategory;
import org.yixian.knowledge.KnowledgeBase;
import org.yixian.organisation.NewUnit;
import org.yixian.organisation.UserAccounts;
import org.yixian.organisation.Units;
import org.yixian.calendar.TimeLimit;
import org.yixian.portal.DemoAccountsHint;
import org.yixian.routing.NewDispatchRule;
import org.yixian.routing.NewTimeLimitPolicy;
import org.yixian.routing.Routing;

/**
 * Seeds 示范市 once, in one transaction, while the application starts and before its port
 * takes requests: the sign-in page never shows demo accounts that do not exist yet. On
 * later starts only the administrator's password follows {@code yixian.admin.password} if
 * that is set.
 */
@Component
@Profile(DemoProfileActivator.DEMO)
class DemoCity implements SmartInitializingSingleton, DemoAccountsHint {

	static final String CITY = "SFS";

	static final String DEMO_PASSWORD = "yixian2026";

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	private final Units units;

	private final UserAccounts accounts;

	private final Categories categories;

	private final String adminPassword;

	private final Routing routing;

	private final TransactionTemplate transaction;

	private final KnowledgeBase knowledge;

	DemoCity(Units units, UserAccounts accounts, Categories categories, Routing routing, KnowledgeBase knowledge,
			@Value("${yixian.admin.password:}") String adminPassword, PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.knowledge = knowledge;
		this.units = units;
		this.routing = routing;
		this.accounts = accounts;
		this.categories = categories;
		this.adminPassword = adminPassword;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transaction.executeWithoutResult((status) -> seed());
		this.transaction.executeWithoutResult((status) -> {
			int articles = DemoKnowledge.seed(this.knowledge);
			if (articles > 0) {
				log.info("Seeded the demo city's knowledge base: {} articles", articles);
			}
		});
	}

	private void seed() {
		if (this.units.findByCode(CITY).isPresent()) {
			if (!this.adminPassword.isBlank() && this.accounts.exists("admin")) {
				this.accounts.setPasswordBySystem("admin", this.adminPassword);
			}
			return;
		}
		for (DemoData.UnitRow unit : DemoData.UNITS) {
			this.units.create(new NewUnit(unit.code(), unit.name(), unit.kind(), unit.parent()), null);
		}
		for (DemoData.CategoryRow category : DemoData.CATEGORIES) {
			this.categories.create(new NewCategory(category.code(), category.name(), category.parent(), true), null,
					null);
		}
		for (DemoData.UnitRow unit : DemoData.UNITS) {
			if (unit.kind() == org.yixian.organisation.UnitKind.STREET) {
				this.routing.addRule(new NewDispatchRule(null, unit.code(), unit.code(), List.of(unit.parent())), null);
			}
		}
		for (String[] rule : DemoData.DEPARTMENT_RULES) {
			this.routing.addRule(new NewDispatchRule(rule[0], CITY, rule[1], List.of()), null);
		}
		this.routing.addPolicy(new NewTimeLimitPolicy(NewTimeLimitPolicy.CaseKindName.DEMAND, "CONSULT", null,
				TimeLimit.hours(4), TimeLimit.workingDays(1)), null);
		this.routing.addPolicy(new NewTimeLimitPolicy(NewTimeLimitPolicy.CaseKindName.DEMAND, null, "0103",
				TimeLimit.hours(2), TimeLimit.workingDays(3)), null);
		for (DemoData.AccountRow account : DemoData.ACCOUNTS) {
			String password = ("admin".equals(account.username()) && !this.adminPassword.isBlank()) ? this.adminPassword
					: DEMO_PASSWORD;
			this.accounts.createSystemAccount(account.username(), password, account.displayName(), account.unit(),
					Set.of(account.role()));
		}
		log.info("Seeded the demo city 示范市: {} units, {} categories, {} accounts (password {})", DemoData.UNITS.size(),
				DemoData.CATEGORIES.size(), DemoData.ACCOUNTS.size(), DEMO_PASSWORD);
	}

	@Override
	public List<DemoAccount> accounts() {
		return DemoData.ACCOUNTS.stream()
			.map((a) -> new DemoAccount(a.username(), a.role().name(), DemoData.unitName(a.unit())))
			.toList();
	}

	@Override
	public String password() {
		return this.adminPassword.isBlank() ? DEMO_PASSWORD : DEMO_PASSWORD + "（admin 除外 / except admin）";
	}

}
