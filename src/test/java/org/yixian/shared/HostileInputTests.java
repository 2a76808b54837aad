package org.yixian.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile requests that answered 500 before: each now gets a 4xx, and nothing is
 * written.
 */
@WebTest
class HostileInputTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void wrong_content_types_broken_multipart_and_odd_headers_are_client_errors() throws Exception {
		long before = count();
		String auth = "Basic " + java.util.Base64.getEncoder()
			.encodeToString(("operator:" + Demo.PASSWORD).getBytes(StandardCharsets.UTF_8));
		String body = "{\"kind\":\"DEMAND\",\"type\":\"HELP\",\"channel\":\"PHONE\",\"title\":\"t\",\"content\":\"c\",\"areaUnitCode\":\"SFS\"}";
		assertClientError(send("POST", "/api/v1/cases", "*/*", body, auth, null));
		assertClientError(send("POST", "/api/v1/cases", "multipart/form-data", body, auth, null));
		int status = raw("POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth
				+ "\r\nContent-Type: application/json\r\nIdempotency-Key: 键-中文\r\nConnection: close\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
		assertThat(status).as("a non-ASCII Idempotency-Key").isBetween(400, 499);
		assertClientError(send("POST", "/api/v1/cases/1/attachments", "multipart/form-data; boundary=xyz",
				"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc", auth, null));
		assertClientError(send("POST", "/api/v1/cases/1/attachments", "multipart/form-data; boundary=xyz",
				"--xyz--\r\n", auth, null));
		assertClientError(send("GET", "/error", null, null, auth, null));
		assertClientError(send("GET", "/error", null, null, null, null));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void open311_coordinates_that_are_not_numbers_are_refused() throws Exception {
		String key = Api.basic(this.port, "admin", Demo.PASSWORD)
			.post("/api/v1/open311-keys", "{\"name\":\"hostile\"}")
			.json()
			.path("key")
			.asString();
		for (String lat : new String[] { "NaN", "Infinity", "1e999" }) {
			HttpResponse<String> response = send("POST", "/open311/v2/requests.json",
					"application/x-www-form-urlencoded",
					"api_key=" + key + "&service_code=0103&lat=" + lat + "&long=116.4&description=x", null, null);
			assertThat(response.statusCode()).as(lat).isEqualTo(400);
		}
	}

	@Test
	void a_form_body_that_is_not_utf8_does_not_fail_the_server() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/public/progress"))
				.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 'n', '=', (byte) 0xC3, (byte) 0x28 }))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isLessThan(500);
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body, String auth,
			String idempotencyKey) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		if (auth != null) {
			builder.header("Authorization", auth);
		}
		if (idempotencyKey != null) {
			builder.header("Idempotency-Key", idempotencyKey);
		}
		builder.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
				: HttpRequest.BodyPublishers.noBody());
		return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Sends bytes the JDK's client refuses to send (a non-ASCII header) and answers the
	 * status code.
	 */
	private int raw(String request) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			String statusLine = new java.io.BufferedReader(
					new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

	private static void assertClientError(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.request().uri() + " → " + response.body()).isBetween(400, 499);
	}

	private long count() {
		return this.jdbc.sql("select count(*) from cases").query(Long.class).single();
	}

}
