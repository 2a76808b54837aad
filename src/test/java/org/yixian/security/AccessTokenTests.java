package org.yixian.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class AccessTokenTests {

	@LocalServerPort
	int port;

	@Test
	void a_personal_access_token_stands_for_its_owner_until_it_is_revoked() {
		Api.Response issued = Api.basic(this.port, "supervisor", Demo.PASSWORD)
			.post("/api/v1/tokens", "{\"name\":\"脚本\",\"expiresInDays\":30}");
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().path("token").asString();
		assertThat(token).startsWith("yx_").hasSizeGreaterThan(40);

		Api bearer = Api.bearer(this.port, token);
		Api.Response me = bearer.get("/api/v1/users/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("username").asString()).isEqualTo("supervisor");
		assertThat(me.body()).doesNotContain("password");

		long id = issued.json().path("id").asLong();
		assertThat(bearer.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
		Api.Response after = bearer.get("/api/v1/users/me");
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void an_unknown_or_malformed_token_gets_401_as_a_problem() {
		for (String token : new String[] { "yx_not-a-real-token", "garbage" }) {
			Api.Response response = Api.bearer(this.port, token).get("/api/v1/units");
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void a_token_may_not_be_issued_for_an_absurd_lifetime() {
		Api.Response response = Api.basic(this.port, "analyst", Demo.PASSWORD)
			.post("/api/v1/tokens", "{\"expiresInDays\":0}");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("expiresInDays");
	}

}
