package org.yixian.organisation;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class ProvisioningApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api admin() {
		return Api.basic(this.port, "admin", Demo.PASSWORD);
	}

	@Test
	void an_administrator_creates_a_community_under_a_street_and_a_handler_in_it() {
		Api.Response unit = admin().post("/api/v1/units",
				"{\"code\":\"DC-HP-09\",\"name\":\"新村社区\",\"kind\":\"COMMUNITY\",\"parentCode\":\"DC-HP\"}");
		assertThat(unit.status()).isEqualTo(201);
		assertThat(unit.json().path("parentCode").asString()).isEqualTo("DC-HP");
		assertThat(admin().get("/api/v1/units/DC-HP-09").json().path("name").asString()).isEqualTo("新村社区");

		Api.Response user = admin().post("/api/v1/users",
				"""
						{"username":"xincun","password":"secret123","displayName":"周平","unitCode":"DC-HP-09","roles":["HANDLER"]}""");
		assertThat(user.status()).isEqualTo(201);
		assertThat(user.json().path("unitCode").asString()).isEqualTo("DC-HP-09");
		assertThat(user.body()).doesNotContain("secret123").doesNotContain("password");
		assertThat(Api.basic(this.port, "xincun", "secret123").get("/api/v1/users/me").status()).isEqualTo(200);
		assertThat(auditCount("UNIT_CREATED", "DC-HP-09")).isEqualTo(1);
	}

	@Test
	void invalid_unit_values_get_422_naming_each_field_and_nothing_is_written() {
		long before = count("units");
		Api.Response response = admin().post("/api/v1/units",
				"{\"code\":\"bad code!\",\"name\":\"\",\"kind\":\"STREET\"}");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.errorFields()).contains("code", "name");
		assertThat(count("units")).isEqualTo(before);
	}

	@Test
	void a_unit_placed_where_it_cannot_sit_is_refused_on_the_parent_field() {
		long before = count("units");
		Api.Response response = admin().post("/api/v1/units",
				"{\"code\":\"X-1\",\"name\":\"错位社区\",\"kind\":\"COMMUNITY\",\"parentCode\":\"DC\"}");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("parentCode");
		response = admin().post("/api/v1/units",
				"{\"code\":\"X-2\",\"name\":\"无父\",\"kind\":\"STREET\",\"parentCode\":\"NOPE\"}");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("parentCode");
		assertThat(count("units")).isEqualTo(before);
	}

	@Test
	void malformed_json_and_unknown_enum_values_get_400() {
		Api.Response broken = admin().post("/api/v1/units", "{\"code\": ");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.json().path("code").asString()).isEqualTo("MALFORMED_REQUEST");
		Api.Response badKind = admin().post("/api/v1/units", "{\"code\":\"K1\",\"name\":\"k\",\"kind\":\"PLANET\"}");
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.errorFields()).containsExactly("kind");
		assertThat(badKind.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
	}

	@Test
	void a_duplicate_code_or_username_is_a_conflict() {
		Api.Response unit = admin().post("/api/v1/units",
				"{\"code\":\"DC\",\"name\":\"重复\",\"kind\":\"DISTRICT\",\"parentCode\":\"SFS\"}");
		assertThat(unit.status()).isEqualTo(409);
		assertThat(unit.json().path("code").asString()).isEqualTo("ALREADY_EXISTS");
		assertThat(unit.errorFields()).containsExactly("code");
		Api.Response user = admin().post("/api/v1/users",
				"""
						{"username":"handler","password":"secret123","displayName":"重名","unitCode":"DC-HP","roles":["HANDLER"]}""");
		assertThat(user.status()).isEqualTo(409);
		assertThat(user.errorFields()).containsExactly("username");
	}

	@Test
	void invalid_user_values_are_named_and_no_account_is_created() {
		long before = count("users");
		Api.Response response = admin().post("/api/v1/users", """
				{"username":"Bad Name","password":"short","displayName":"","unitCode":"DC-HP","roles":[]}""");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).contains("username", "password", "displayName", "roles");
		Api.Response weak = admin().post("/api/v1/users",
				"""
						{"username":"weakling","password":"onlyletters","displayName":"弱","unitCode":"NOPE","roles":["HANDLER"]}""");
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.errorFields()).containsExactlyInAnyOrder("password", "unitCode");
		Api.Response badRole = admin().post("/api/v1/users",
				"""
						{"username":"roleless","password":"secret123","displayName":"无","unitCode":"DC-HP","roles":["KING"]}""");
		assertThat(badRole.status()).isEqualTo(400);
		assertThat(badRole.errorFields()).containsExactly("roles[0]");
		assertThat(count("users")).isEqualTo(before);
	}

	@Test
	void only_administrators_provision_and_anonymous_callers_get_401() {
		Api.Response asHandler = Api.basic(this.port, "handler", Demo.PASSWORD)
			.post("/api/v1/units", "{\"code\":\"H1\",\"name\":\"越权\",\"kind\":\"COMMUNITY\",\"parentCode\":\"DC-HP\"}");
		assertThat(asHandler.status()).isEqualTo(403);
		assertThat(asHandler.json().path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(Api.anonymous(this.port).get("/api/v1/units").status()).isEqualTo(401);
		assertThat(Api.basic(this.port, "admin", "wrong").get("/api/v1/units").status()).isEqualTo(401);
	}

	@Test
	void a_stale_version_of_a_unit_is_refused_with_409() {
		Api.Response unit = admin().get("/api/v1/units/NH-QS");
		int version = unit.json().path("version").asInt();
		assertThat(admin().put("/api/v1/units/NH-QS", "{\"name\":\"青山镇\",\"active\":true,\"version\":" + version + "}")
			.status()).isEqualTo(200);
		Api.Response stale = admin().put("/api/v1/units/NH-QS",
				"{\"name\":\"青山乡\",\"active\":true,\"version\":" + version + "}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().path("code").asString()).isEqualTo("STALE_VERSION");
		assertThat(admin().get("/api/v1/units/NH-QS").json().path("name").asString()).isEqualTo("青山镇");
	}

	@Test
	void categories_form_a_tree_and_bad_parents_are_named() {
		Api.Response created = admin().post("/api/v1/categories",
				"{\"code\":\"0199\",\"name\":\"违章建筑\",\"parentCode\":\"01\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("publicService").asBoolean()).isTrue();
		Api.Response tree = admin().get("/api/v1/categories");
		assertThat(tree.json().size()).isGreaterThanOrEqualTo(15);
		assertThat(tree.json().get(0).path("children").size()).isPositive();
		Api.Response orphan = admin().post("/api/v1/categories",
				"{\"code\":\"9999\",\"name\":\"孤儿\",\"parentCode\":\"NOPE\"}");
		assertThat(orphan.status()).isEqualTo(422);
		assertThat(orphan.errorFields()).containsExactly("parentCode");
	}

	@Test
	void paging_is_bounded() {
		Api.Response tooBig = admin().get("/api/v1/units?size=501");
		assertThat(tooBig.status()).isEqualTo(422);
		assertThat(tooBig.errorFields()).containsExactly("size");
		Api.Response notANumber = admin().get("/api/v1/units?page=x");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.errorFields()).containsExactly("page");
		Api.Response page = admin().get("/api/v1/units?size=5&page=1");
		assertThat(page.json().path("items").size()).isEqualTo(5);
		assertThat(page.json().path("page").asInt()).isEqualTo(1);
		assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(51);
	}

	@Test
	void an_administrator_changes_a_users_unit_and_roles_and_a_stale_edit_is_refused() {
		admin().post("/api/v1/users",
				"""
						{"username":"mover","password":"secret123","displayName":"调动","unitCode":"DC-JS","roles":["HANDLER"]}""");
		int version = admin().get("/api/v1/users/mover").json().path("version").asInt();
		Api.Response changed = admin().put("/api/v1/users/mover",
				"{\"displayName\":\"调动后\",\"unitCode\":\"XC-XG\",\"roles\":[\"HANDLER\",\"SUPERVISOR\"],\"version\":"
						+ version + "}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().path("unitCode").asString()).isEqualTo("XC-XG");
		assertThat(changed.json().path("roles").toString()).contains("SUPERVISOR");
		Api.Response stale = admin().put("/api/v1/users/mover",
				"{\"displayName\":\"再改\",\"unitCode\":\"XC-XG\",\"roles\":[\"HANDLER\"],\"version\":" + version + "}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().path("code").asString()).isEqualTo("STALE_VERSION");
		int adminVersion = admin().get("/api/v1/users/admin").json().path("version").asInt();
		Api.Response selfDemotion = admin().put("/api/v1/users/admin",
				"{\"displayName\":\"系统管理员\",\"unitCode\":\"SFS\",\"roles\":[\"LEADER\"],\"version\":" + adminVersion
						+ "}");
		assertThat(selfDemotion.status()).isEqualTo(422);
		assertThat(selfDemotion.errorFields()).containsExactly("roles");
		assertThat(
				Api.basic(this.port, "mover", "secret123").get("/api/v1/users/me").json().path("unitCode").asString())
			.isEqualTo("XC-XG");
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long auditCount(String action, String target) {
		return this.jdbc.sql("select count(*) from audit_log where action = ? and target_id = ?")
			.params(action, target)
			.query(Long.class)
			.single();
	}

}
