package org.yixian.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class LoginAndLockoutTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_login_page_is_public_and_shows_the_demo_accounts_in_the_demo_profile() {
		Api.Response page = Api.anonymous(this.port).get("/login");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("登录").contains("operator").contains(Demo.PASSWORD);
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void pages_redirect_to_the_login_page_without_a_session() {
		Api.Response home = Api.anonymous(this.port).get("/");
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.header("Location")).endsWith("/login");
	}

	@Test
	void a_user_signs_in_with_the_form_reaches_the_workbench_and_the_login_is_logged() {
		Api browser = Api.browser(this.port);
		assertThat(browser.formLogin("leader", Demo.PASSWORD)).endsWith("/");
		Api.Response home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("刘建国");
		assertThat(countAudit("leader", "LOGIN")).isPositive();
	}

	@Test
	void a_login_form_without_the_csrf_token_is_refused() {
		Api browser = Api.browser(this.port);
		browser.get("/login");
		Api.Response result = browser.form("/login", null, Map.of("username", "leader", "password", Demo.PASSWORD));
		assertThat(result.status()).isEqualTo(403);
	}

	@Test
	void five_wrong_passwords_lock_the_account_and_the_lockout_is_logged() {
		this.jdbc
			.sql("insert into users (username, password_hash, display_name, unit_id) "
					+ "select 'lockme', password_hash, '锁定测试', unit_id from users where username = 'handler'")
			.update();
		Api browser = Api.browser(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(browser.formLogin("lockme", "wrong-password-" + i)).contains("/login?error");
		}
		assertThat(countAudit("lockme", "LOGIN_FAILED")).isEqualTo(5);
		assertThat(countAudit("lockme", "ACCOUNT_LOCKED")).isEqualTo(1);

		assertThat(Api.browser(this.port).formLogin("lockme", Demo.PASSWORD)).contains("/login?error");
		assertThat(countAudit("lockme", "LOGIN_REFUSED_LOCKED")).isEqualTo(1);
		assertThat(Api.basic(this.port, "lockme", Demo.PASSWORD).get("/api/v1/users/me").status()).isEqualTo(401);

		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		assertThat(admin.post("/api/v1/users/lockme/actions/unlock", "").status()).isEqualTo(200);
		assertThat(Api.browser(this.port).formLogin("lockme", Demo.PASSWORD)).endsWith("/");
	}

	@Test
	void logout_ends_the_session() {
		Api browser = Api.browser(this.port);
		browser.formLogin("analyst", Demo.PASSWORD);
		Api.Response home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		Api.Response out = browser.form("/logout", csrfOf(home.body()), Map.of());
		assertThat(out.header("Location")).endsWith("/login?logout");
		assertThat(browser.get("/").status()).isEqualTo(302);
	}

	private static String csrfOf(String html) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
			.matcher(html);
		return m.find() ? m.group(1) : null;
	}

	private long countAudit(String actor, String action) {
		return this.jdbc.sql("select count(*) from audit_log where actor = ? and action = ?")
			.params(actor, action)
			.query(Long.class)
			.single();
	}

}
