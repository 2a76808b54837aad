package org.yixian.portal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class ApiDocsTests {

	@LocalServerPort
	int port;

	@Test
	void the_openapi_description_lists_the_contract_endpoints_for_signed_in_users_only() {
		assertThat(Api.anonymous(this.port).get("/v3/api-docs").status()).isEqualTo(302);
		Api browser = Api.browser(this.port);
		browser.formLogin("analyst", Demo.PASSWORD);
		Api.Response docs = browser.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("info").path("title").asString()).contains("Yixian");
		assertThat(docs.json().path("paths").has("/api/v1/cases")).isTrue();
		assertThat(docs.json().path("paths").has("/api/v1/cases/{id}/actions/{action}")).isTrue();
		assertThat(docs.json().path("paths").has("/api/v1/tokens")).isTrue();
	}

}
