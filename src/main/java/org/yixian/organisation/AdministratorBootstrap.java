package org.yixian.organisation;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first start of an empty installation creates the root unit and one {@code admin}
 * whose password comes from {@code yixian.admin.password} (env
 * {@code YIXIAN_ADMIN_PASSWORD}); without one Yixian refuses to start rather than invent
 * a password.
 */
@Component
@Order(100)
class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final Units units;

	private final UserAccounts accounts;

	private final String password;

	private final String rootCode;

	private final String rootName;

	AdministratorBootstrap(Units units, UserAccounts accounts, @Value("${yixian.admin.password:}") String password,
			@Value("${yixian.root-unit.code:ROOT}") String rootCode,
			@Value("${yixian.root-unit.name:本级}") String rootName) {
		this.units = units;
		this.accounts = accounts;
		this.password = password;
		this.rootCode = rootCode;
		this.rootName = rootName;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.accounts.anyAdministrator()) {
			return;
		}
		if (this.password.isBlank()) {
			throw new org.yixian.shared.StartupRefusedException(
					"首次启动需要管理员密码（yixian.admin.password）。 / The first start needs an administrator password (yixian.admin.password).",
					"设置 yixian.admin.password（环境变量 YIXIAN_ADMIN_PASSWORD）后重新启动。"
							+ " / Set yixian.admin.password (environment variable YIXIAN_ADMIN_PASSWORD) and start again.",
					null);
		}
		PasswordPolicy.check("admin", this.password).ifPresent((rule) -> {
			throw new org.yixian.shared.StartupRefusedException(
					"yixian.admin.password does not meet the password rules (" + rule + ").",
					"Use at least 8 characters with letters and digits.", null);
		});
		String unitCode = this.units.isEmpty()
				? this.units.create(new NewUnit(this.rootCode, this.rootName, UnitKind.CITY, null), null).code()
				: this.units.tree(new Scope("/")).get(0).code();
		this.accounts.createSystemAccount("admin", this.password, "系统管理员", unitCode, Set.of(Role.ADMIN));
		log.info("Created the administrator account 'admin' in unit {}", unitCode);
	}

}
