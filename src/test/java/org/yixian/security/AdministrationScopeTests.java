package org.yixian.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration that applies city-wide belongs to the city's administrators; an
 * administrator of a district acts within the district only. A personal access token
 * cannot mint further tokens, and every token expires.
 */
@WebTest
class AdministrationScopeTests {

	@LocalServerPort
	int port;

	Api city;

	Api district;

	@BeforeEach
	void administrators() {
		this.city = Api.basic(this.port, "admin", Demo.PASSWORD);
		if (this.city.get("/api/v1/users/dcadmin").status() == 404) {
			this.city.post("/api/v1/users",
					"""
							{"username":"dcadmin","password":"secret123","displayName":"东城区管理员","unitCode":"DC","roles":["ADMIN"]}""");
		}
		this.district = Api.basic(this.port, "dcadmin", "secret123");
	}

	@Test
	void a_district_administrator_cannot_change_what_applies_to_the_whole_city() {
		assertThat(this.district.post("/api/v1/time-limits",
				"""
						{"caseKind":"DEMAND","signWithin":{"amount":1,"unit":"HOURS"},"replyWithin":{"amount":2,"unit":"HOURS"}}""")
			.status()).isEqualTo(403);
		assertThat(this.district.put("/api/v1/calendar/2027", "{\"holidays\":[],\"workdays\":[]}").status())
			.isEqualTo(403);
		assertThat(this.district.post("/api/v1/categories", "{\"code\":\"99\",\"name\":\"区里自建\"}").status())
			.isEqualTo(403);
		assertThat(this.district.post("/api/v1/open311-keys", "{\"name\":\"区里的钥匙\"}").status()).isEqualTo(403);
		assertThat(this.district.get("/api/v1/open311-keys").status()).isEqualTo(403);
		assertThat(this.district.get("/api/v1/audit").status()).isEqualTo(403);
		assertThat(this.district.get("/manage/prometheus").status()).isEqualTo(403);
		assertThat(this.city.get("/api/v1/audit").status()).isEqualTo(200);
	}

	@Test
	void a_district_administrator_deletes_only_dispatch_rules_for_places_in_the_district() {
		String rules = this.city.get("/api/v1/dispatch-rules").body();
		tools.jackson.databind.JsonNode all = this.city.get("/api/v1/dispatch-rules").json();
		long outside = -1;
		for (tools.jackson.databind.JsonNode rule : all) {
			String area = rule.path("areaUnitCode").asString();
			if (area.startsWith("XC") || area.equals("SFS")) {
				outside = rule.path("id").asLong();
				break;
			}
		}
		assertThat(outside).as(rules).isPositive();
		assertThat(this.district.delete("/api/v1/dispatch-rules/" + outside).status()).isEqualTo(404);
		assertThat(this.city.get("/api/v1/dispatch-rules").body()).isEqualTo(rules);
	}

	@Test
	void a_token_cannot_mint_tokens_and_every_token_expires() {
		Api.Response issued = Api.basic(this.port, "analyst", Demo.PASSWORD)
			.post("/api/v1/tokens", "{\"name\":\"脚本\"}");
		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.json().path("expiresAt").isNull()).isFalse();
		Api byToken = Api.bearer(this.port, issued.json().path("token").asString());
		assertThat(byToken.get("/api/v1/users/me").status()).isEqualTo(200);
		assertThat(byToken.post("/api/v1/tokens", "{\"name\":\"再造一个\"}").status()).isEqualTo(403);
		assertThat(Api.basic(this.port, "analyst", Demo.PASSWORD)
			.post("/api/v1/tokens", "{\"expiresInDays\":3650}")
			.errorFields()).containsExactly("expiresInDays");
	}

}
