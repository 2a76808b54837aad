package org.yixian.portal;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.YixianApplication;
import org.yixian.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packaged application's first start outside the demo: no demo data, and an
 * administrator only from the configured password.
 */
class ProductionStartIT {

	@TempDir
	Path dataDir;

	@Test
	void a_production_start_refuses_without_an_admin_password_then_creates_only_the_administrator() {
		assertThatThrownBy(() -> start()).hasStackTraceContaining("yixian.admin.password");

		try (ConfigurableApplicationContext app = start("--yixian.admin.password=Str0ngAdmin!")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from units").query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from units where code = 'SFS'").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select username from users").query(String.class).list()).containsExactly("admin");
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			assertThat(Api.basic(port, "admin", "Str0ngAdmin!").get("/api/v1/users/me").status()).isEqualTo(200);
			assertThat(Api.anonymous(port).get("/login").body()).doesNotContain("yixian2026");
			jdbc.sql("insert into categories (code, name, path, depth) values ('kept', '重启后仍在', '/0/', 0)").update();
		}

		try (ConfigurableApplicationContext app = start()) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select name from categories where code = 'kept'").query(String.class).single())
				.isEqualTo("重启后仍在");
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		String[] args = new String[extra.length + 4];
		args[0] = "--spring.profiles.active=prod";
		args[1] = "--yixian.data-dir=" + this.dataDir;
		args[2] = "--server.port=0";
		args[3] = "--yixian.embedded-db.wipe=false";
		System.arraycopy(extra, 0, args, 4, extra.length);
		return new SpringApplicationBuilder(YixianApplication.class).run(args);
	}

}
