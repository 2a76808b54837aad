package org.yixian.organisation;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user sees only the subtree of their unit (a hotline centre: the level it serves),
 * through every page and endpoint.
 */
@WebTest
class DataScopeTests {

	@LocalServerPort
	int port;

	@Test
	void a_street_handler_lists_only_its_own_street_and_communities() {
		List<String> codes = codes(Api.basic(this.port, "handler", Demo.PASSWORD).get("/api/v1/units?size=500"));
		assertThat(codes).contains("DC-HP", "DC-HP-01", "DC-HP-02", "DC-HP-03")
			.allMatch((code) -> code.startsWith("DC-HP"))
			.doesNotContain("XC-XG", "DC", "SFS");
	}

	@Test
	void a_street_handler_cannot_read_another_streets_unit_or_user_by_code() {
		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		assertThat(handler.get("/api/v1/units/XC-XG").status()).isEqualTo(404);
		assertThat(handler.get("/api/v1/units/DC").status()).isEqualTo(404);
		assertThat(handler.get("/api/v1/users/handler2").status()).isEqualTo(403);
		assertThat(handler.get("/api/v1/users").status()).isEqualTo(403);
	}

	@Test
	void a_district_supervisor_sees_its_district_users_but_not_another_districts() {
		Api supervisor = Api.basic(this.port, "supervisor", Demo.PASSWORD);
		assertThat(supervisor.get("/api/v1/users/handler").status()).isEqualTo(200);
		assertThat(supervisor.get("/api/v1/users/handler2").status()).isEqualTo(404);
		List<String> users = new ArrayList<>();
		supervisor.get("/api/v1/users?size=500")
			.json()
			.path("items")
			.forEach((u) -> users.add(u.path("username").asString()));
		assertThat(users).contains("handler", "supervisor").doesNotContain("handler2", "admin", "operator");
	}

	@Test
	void a_hotline_dispatcher_serves_the_whole_city() {
		List<String> codes = codes(Api.basic(this.port, "dispatcher", Demo.PASSWORD).get("/api/v1/units?size=500"));
		assertThat(codes).contains("SFS", "DC-HP", "XC-XG", "NH-QS-01");
	}

	@Test
	void an_administrator_of_a_street_provisions_only_inside_that_street() {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		assertThat(admin.post("/api/v1/users",
				"""
						{"username":"streetadmin","password":"secret123","displayName":"街道管理员","unitCode":"XC-WH","roles":["ADMIN"]}""")
			.status()).isEqualTo(201);
		Api streetAdmin = Api.basic(this.port, "streetadmin", "secret123");
		assertThat(streetAdmin
			.post("/api/v1/units",
					"{\"code\":\"XC-WH-09\",\"name\":\"文化新村\",\"kind\":\"COMMUNITY\",\"parentCode\":\"XC-WH\"}")
			.status()).isEqualTo(201);
		Api.Response outside = streetAdmin.post("/api/v1/units",
				"{\"code\":\"DC-HP-08\",\"name\":\"越界社区\",\"kind\":\"COMMUNITY\",\"parentCode\":\"DC-HP\"}");
		assertThat(outside.status()).isEqualTo(422);
		assertThat(outside.errorFields()).containsExactly("parentCode");
		Api.Response outsideUser = streetAdmin.post("/api/v1/users",
				"""
						{"username":"intruder","password":"secret123","displayName":"越界","unitCode":"DC-HP","roles":["HANDLER"]}""");
		assertThat(outsideUser.status()).isEqualTo(422);
		assertThat(outsideUser.errorFields()).containsExactly("unitCode");
		assertThat(streetAdmin.get("/api/v1/users/handler").status()).isEqualTo(404);

		Api browser = Api.browser(this.port);
		browser.formLogin("streetadmin", "secret123");
		assertThat(browser.get("/admin/units/DC-HP").status()).isEqualTo(404);
		assertThat(browser.get("/admin/users/handler").status()).isEqualTo(404);
		String list = browser.get("/admin/users?q=").body();
		assertThat(list).contains("streetadmin").doesNotContain(">handler<").doesNotContain(">handler2<");
		String units = browser.get("/admin/units?size=500").body();
		assertThat(units).contains("XC-WH-09").doesNotContain("DC-HP-01");
	}

	@ParameterizedTest(name = "{0} → {1} {2}: {3}")
	@CsvSource({ "operator, GET, /admin/units, 403", "handler, GET, /admin/users, 403",
			"leader, GET, /admin/audit, 403", "analyst, GET, /admin/categories, 403", "admin, GET, /admin/units, 200",
			"admin, GET, /admin/users, 200", "admin, GET, /admin/audit, 200", "admin, GET, /admin/categories, 200",
			"handler, GET, /account, 200", "operator, GET, /, 200" })
	void the_pages_follow_the_role_matrix(String user, String method, String path, int status) {
		Api browser = Api.browser(this.port);
		browser.formLogin(user, Demo.PASSWORD);
		assertThat(browser.get(path).status()).isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource({ "operator, /api/v1/users, 403", "handler, /api/v1/users, 403", "dispatcher, /api/v1/users, 200",
			"supervisor, /api/v1/users, 200", "leader, /api/v1/users, 200", "analyst, /api/v1/users, 403",
			"handler, /api/v1/audit, 403", "admin, /api/v1/audit, 200", "operator, /api/v1/categories, 200",
			"handler, /manage/prometheus, 403", "admin, /manage/prometheus, 200" })
	void the_api_follows_the_role_matrix(String user, String path, int status) {
		assertThat(Api.basic(this.port, user, Demo.PASSWORD).get(path).status()).isEqualTo(status);
	}

	private static List<String> codes(Api.Response response) {
		assertThat(response.status()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		response.json().path("items").forEach((unit) -> codes.add(unit.path("code").asString()));
		return codes;
	}

}
