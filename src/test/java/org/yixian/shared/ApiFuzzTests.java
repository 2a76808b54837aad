package org.yixian.shared;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile values against every operation the OpenAPI description lists (so a new endpoint
 * is fuzzed as soon as it exists): each path variable, query parameter and body property
 * in turn gets NUL, broken Unicode, a megabyte, wrong types and enums, bad dates, NaN,
 * SQL and script fragments and path traversal, and each body is also sent broken and with
 * wrong content types. Never a 5xx, never a cut-off answer, and a refusal writes nothing.
 */
@WebTest
class ApiFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<Object> HOSTILE = List.of("\u0000", "a\u0000b", "\uD800", "x".repeat(1_000_000), 12345678901234L,
			-1, 0, 1.5e308, "NaN", "Infinity", true, List.of("a", "b"), Map.of("a", 1), "", "   ", "2026-13-45",
			"2026-02-30T25:61:00+08:00", "'; drop table cases; --", "<script>alert(1)</script>", "../../etc/passwd",
			"%00", "𠮷野家", "UNKNOWN_ENUM_VALUE", "9".repeat(40));

	/**
	 * Valid bodies of the main writing operations, so that a hostile value in one
	 * property gets past the others and reaches the service and the database.
	 */
	static final Map<String, Map<String, Object>> BASES = Map.of("/api/v1/cases",
			Map.of("kind", "DEMAND", "type", "HELP", "channel", "PHONE", "title", "模糊测试", "content", "模糊测试内容",
					"areaUnitCode", "FUZZ-P"),
			"/api/v1/units", Map.of("code", "FUZZ-U", "name", "模糊单位", "kind", "COMMUNITY", "parentCode", "FUZZ-P"),
			"/api/v1/users",
			Map.of("username", "fuzzuser", "password", "secret123", "displayName", "模糊", "unitCode", "FUZZ-P", "roles",
					List.of("HANDLER")),
			"/api/v1/categories", Map.of("code", "9901", "name", "模糊分类", "parentCode", "01"), "/api/v1/public/demands",
			Map.of("type", "HELP", "title", "模糊", "content", "模糊内容", "areaUnitCode", "FUZZ-P", "phone", "13900000000"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void no_hostile_request_to_any_documented_operation_gets_a_server_error_or_writes_on_refusal() throws Exception {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		if (admin.get("/api/v1/units/FUZZ-P").status() == 404) {
			admin.post("/api/v1/units",
					"{\"code\":\"FUZZ-P\",\"name\":\"模糊测试街道\",\"kind\":\"STREET\",\"parentCode\":\"NH\"}");
		}
		String token = admin.post("/api/v1/tokens", "{\"name\":\"fuzz\",\"expiresInDays\":1}")
			.json()
			.path("token")
			.asString();
		Api session = Api.browser(this.port);
		session.formLogin("admin", Demo.PASSWORD);
		JsonNode docs = session.get("/v3/api-docs").json();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Random random = new Random(20261129);
		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").properties().iterator(); paths
			.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().properties().iterator(); ops.hasNext();) {
				Map.Entry<String, JsonNode> op = ops.next();
				String method = op.getKey().toUpperCase();
				if (path.getKey().contains("/tokens") && method.equals("DELETE")) {
					continue;
				}
				for (Case attempt : cases(path.getKey(), op.getValue(), docs, random)) {
					long before = rows();
					HttpRequest.Builder request = HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + this.port + attempt.uri()))
						.timeout(Duration.ofSeconds(30))
						.header("Authorization", "Bearer " + token);
					if (attempt.contentType() != null) {
						request.header("Content-Type", attempt.contentType());
					}
					request.method(method,
							(attempt.body() != null)
									? HttpRequest.BodyPublishers.ofString(attempt.body(), StandardCharsets.UTF_8)
									: HttpRequest.BodyPublishers.noBody());
					HttpResponse<String> response = client.send(request.build(),
							HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
					requests++;
					String label = method + " " + attempt.uri().substring(0, Math.min(120, attempt.uri().length()))
							+ " [" + attempt.what() + "]";
					if (response.statusCode() >= 500) {
						failures.add(label + " → " + response.statusCode());
					}
					else if (response.statusCode() >= 400 && rows() != before) {
						failures.add(label + " → " + response.statusCode() + " but wrote rows");
					}
					String type = response.headers().firstValue("Content-Type").orElse("");
					if (type.contains("json") && !response.body().isEmpty()) {
						try {
							JSON.readTree(response.body());
						}
						catch (RuntimeException ex) {
							failures.add(label + " → cut-off JSON");
						}
					}
				}
			}
		}
		System.out.println("ApiFuzzTests: " + requests + " hostile requests, " + failures.size() + " failures");
		assertThat(requests).isGreaterThan(1000);
		assertThat(failures).isEmpty();
	}

	private List<Case> cases(String template, JsonNode operation, JsonNode docs, Random random) {
		List<Case> cases = new ArrayList<>();
		List<String> pathParams = new ArrayList<>();
		List<String> queryParams = new ArrayList<>();
		operation.path("parameters").forEach((p) -> {
			if ("path".equals(p.path("in").asString())) {
				pathParams.add(p.path("name").asString());
			}
			else if ("query".equals(p.path("in").asString())) {
				queryParams.add(p.path("name").asString());
			}
		});
		String base = template;
		for (String name : pathParams) {
			base = base.replace("{" + name + "}", "1");
		}
		for (String name : pathParams) {
			for (Object value : pick(random, 8)) {
				cases.add(new Case(template.replace("{" + name + "}", encode(value)).replaceAll("\\{[^}]+}", "1"), null,
						null, "path " + name + "=" + describe(value)));
			}
		}
		for (String name : queryParams) {
			for (Object value : pick(random, 8)) {
				cases.add(new Case(base + "?" + name + "=" + encode(value), null, null,
						"query " + name + "=" + describe(value)));
			}
		}
		JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
		if (!schema.isMissingNode()) {
			JsonNode resolved = resolve(schema, docs);
			List<String> properties = new ArrayList<>();
			resolved.path("properties").properties().forEach((e) -> properties.add(e.getKey()));
			for (String property : properties) {
				for (Object value : pick(random, 7)) {
					Map<String, Object> body = new LinkedHashMap<>(BASES.getOrDefault(template, Map.of("version", 0)));
					body.put(property, value);
					cases.add(new Case(base, JSON.writeValueAsString(body), "application/json",
							"body " + property + "=" + describe(value)));
				}
			}
			cases.add(new Case(base, "{\"broken\":", "application/json", "truncated JSON"));
			cases.add(new Case(base, "[1,2,3]", "application/json", "array body"));
			cases.add(new Case(base, "a=b", "text/plain", "wrong content type"));
			cases.add(new Case(base, "{}", "multipart/form-data", "multipart without boundary"));
		}
		return cases;
	}

	private static JsonNode resolve(JsonNode schema, JsonNode docs) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	private static List<Object> pick(Random random, int count) {
		List<Object> values = new ArrayList<>(HOSTILE);
		java.util.Collections.shuffle(values, random);
		return values.subList(0, count);
	}

	private static String encode(Object value) {
		String text = String.valueOf(value);
		if (text.length() > 2000) {
			text = text.substring(0, 2000);
		}
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String describe(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 20) ? text.substring(0, 20) + "…(" + text.length() + ")" : text;
	}

	private long rows() {
		return this.jdbc.sql("""
				select (select count(*) from cases) + (select count(*) from units) + (select count(*) from users)
				     + (select count(*) from categories) + (select count(*) from dispatch_rules)
				     + (select count(*) from time_limit_policies) + (select count(*) from case_events)""")
			.query(Long.class)
			.single();
	}

	private record Case(String uri, String body, String contentType, String what) {
	}

}
