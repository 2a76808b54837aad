package org.yixian.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, as one table: every endpoint and page the application maps has a row
 * (a new one without a row fails the build), and every row is tried by a person of every
 * role — and by a district administrator and by nobody at all — over real HTTP. A row
 * names the gate: public, any signed-in person (the case's own rules decide further, see
 * the workflow and confidentiality tests), some roles, or the city's administrators.
 */
@WebTest
class PermissionMatrixTests {

	static final String PUBLIC = "public";

	static final String SIGNED_IN = "signed-in";

	static final String CITY_ADMIN = "city-admin";

	/** METHOD path → who may pass the gate. */
	static final Map<String, String> TABLE = new LinkedHashMap<>();

	static {
		row(SIGNED_IN, "GET /", "GET /account", "POST /account/password", "POST /account/tokens",
				"POST /account/tokens/{id}/revoke", "GET /api/v1/calendar/due", "GET /api/v1/calendar/{year}",
				"GET /api/v1/cases", "GET /api/v1/cases/{id}", "POST /api/v1/cases/{id}/actions/{action}",
				"GET /api/v1/cases/{id}/attachments", "POST /api/v1/cases/{id}/attachments",
				"GET /api/v1/cases/{id}/attachments/{attachmentId}", "GET /api/v1/cases/{id}/documents",
				"GET /api/v1/cases/{id}/documents/{documentId}", "GET /api/v1/cases/{id}/possible-repeats",
				"POST /api/v1/cases/{id}/reveal", "GET /api/v1/categories", "GET /api/v1/categories/{code}",
				"GET /api/v1/categories/{code}/attributes", "GET /api/v1/petitions/backlog", "GET /api/v1/time-limits",
				"GET /api/v1/tokens", "POST /api/v1/tokens", "DELETE /api/v1/tokens/{id}", "GET /api/v1/units",
				"GET /api/v1/units/{code}", "GET /api/v1/users/me", "GET /cases", "GET /cases/export.xlsx",
				"GET /cases/{id}", "POST /cases/{id}/actions/{action}", "POST /cases/{id}/attachments",
				"GET /cases/{id}/attachments/{attachmentId}", "GET /cases/{id}/documents/{documentId}",
				"POST /cases/{id}/reveal", "GET /notifications", "POST /notifications/read", "GET /petitions/backlog",
				"POST /notifications/{id}/open", "POST /cases/bulk/{action}", "GET /phrases");
		row("HANDLER,OPERATOR,DISPATCHER,SUPERVISOR,ADMIN", "POST /phrases", "POST /phrases/{id}/delete");
		row(SIGNED_IN, "GET /knowledge", "GET /knowledge/export.xlsx", "GET /knowledge/{id}", "GET /api/v1/knowledge",
				"GET /api/v1/knowledge/{id}");
		row("ADMIN", "GET /knowledge/new", "POST /knowledge", "GET /knowledge/{id}/edit", "POST /knowledge/{id}",
				"POST /api/v1/knowledge", "PUT /api/v1/knowledge/{id}");
		row("OPERATOR,DISPATCHER", "POST /knowledge/hints");
		row(PUBLIC, "GET /login", "GET /api/v1/public/cases/{number}", "POST /api/v1/public/demands",
				"GET /open311/v2/discovery.{format}", "GET /open311/v2/requests.{format}",
				"POST /open311/v2/requests.{format}", "GET /open311/v2/requests/{id}.{format}",
				"GET /open311/v2/servicerequestupdates.{format}", "GET /open311/v2/services.{format}",
				"GET /open311/v2/services/{code}.{format}", "GET /open311/v2/tokens/{id}.{format}",
				"GET /public/demands/new", "POST /public/demands", "GET /public/progress", "POST /public/progress",
				"GET /public/demands/submitted", "POST /public/progress/rating",
				"POST /api/v1/public/cases/{number}/rating");
		row("OPERATOR,DISPATCHER", "POST /api/v1/cases", "GET /cases/new", "POST /cases/new", "GET /petitions/new",
				"POST /petitions/new", "POST /cases/caller-history");
		row("ADMIN,DISPATCHER,OPERATOR,SUPERVISOR,LEADER", "GET /api/v1/dispatch-rules");
		row("ADMIN,SUPERVISOR,LEADER,DISPATCHER", "GET /api/v1/users", "GET /api/v1/users/{username}");
		row("ADMIN", "POST /api/v1/dispatch-rules", "DELETE /api/v1/dispatch-rules/{id}", "POST /api/v1/units",
				"PUT /api/v1/units/{code}", "POST /api/v1/users", "PUT /api/v1/users/{username}",
				"POST /api/v1/users/{username}/actions/disable", "POST /api/v1/users/{username}/actions/enable",
				"POST /api/v1/users/{username}/actions/reset-password", "POST /api/v1/users/{username}/actions/unlock",
				"GET /admin/routing", "POST /admin/routing/rules", "POST /admin/routing/rules/{id}/delete",
				"POST /admin/routing/time-limits", "GET /admin/units", "POST /admin/units", "GET /admin/units/{code}",
				"POST /admin/units/{code}", "GET /admin/users", "POST /admin/users", "GET /admin/users/{username}",
				"POST /admin/users/{username}", "POST /admin/users/{username}/disable",
				"POST /admin/users/{username}/enable", "POST /admin/users/{username}/password",
				"POST /admin/users/{username}/unlock");
		row(SIGNED_IN, "GET /api/v1/down-visits", "GET /api/v1/down-visits/{id}",
				"POST /api/v1/down-visits/{id}/record", "GET /api/v1/leaders/{username}/desk",
				"GET /api/v1/leaders/{username}/package-cases", "GET /api/v1/receptions", "GET /api/v1/receptions/{id}",
				"POST /api/v1/receptions/{id}/visits", "GET /api/v1/research-visits",
				"GET /api/v1/research-visits/{id}", "POST /api/v1/research-visits/{id}/findings",
				"GET /api/v1/site-sessions", "GET /api/v1/site-sessions/{id}",
				"POST /api/v1/site-sessions/{id}/actions/close", "POST /api/v1/site-sessions/{id}/tasks",
				"GET /api/v1/surveys", "GET /api/v1/surveys/{id}/results", "GET /api/v1/tasks",
				"GET /api/v1/tasks/{id}", "POST /api/v1/tasks/{id}/actions/complete", "POST /api/v1/tasks/{id}/photos",
				"GET /api/v1/tasks/{id}/photos/{photoId}", "GET /down-visits", "GET /down-visits/{id}",
				"POST /down-visits/{id}/record", "GET /leaders/{username}/desk", "GET /receptions",
				"GET /receptions/{id}", "POST /receptions/{id}/visits", "GET /research-visits",
				"GET /research-visits/{id}", "POST /research-visits/{id}/findings", "GET /site-sessions",
				"GET /site-sessions/{id}", "POST /site-sessions/{id}/close", "POST /site-sessions/{id}/tasks",
				"GET /surveys", "GET /surveys/{id}", "GET /tasks", "POST /tasks/{id}/complete",
				"POST /tasks/{id}/photos", "GET /tasks/{id}/photos/{photoId}");
		row(PUBLIC, "POST /api/v1/public/bookings/cancel", "GET /api/v1/public/receptions",
				"POST /api/v1/public/receptions/{id}/bookings", "GET /api/v1/public/surveys/{id}",
				"POST /api/v1/public/surveys/{id}/answers", "GET /public/bookings/cancel",
				"POST /public/bookings/cancel", "GET /public/receptions", "GET /public/receptions/{id}",
				"POST /public/receptions/{id}", "GET /public/surveys", "GET /public/surveys/{id}",
				"POST /public/surveys/{id}");
		row("LEADER,OPERATOR,DISPATCHER", "POST /api/v1/down-visits", "POST /api/v1/receptions",
				"POST /api/v1/research-visits", "POST /api/v1/site-sessions", "POST /down-visits", "POST /receptions",
				"POST /research-visits", "POST /site-sessions");
		row("LEADER,ANALYST,SUPERVISOR,DISPATCHER", "POST /api/v1/surveys", "POST /api/v1/surveys/{id}/actions/close",
				"POST /api/v1/surveys/{id}/actions/publish", "POST /surveys", "POST /surveys/{id}/close",
				"POST /surveys/{id}/publish");
		row("LEADER", "GET /leaders/desk");
		row(SIGNED_IN, "GET /api/v1/cases/{id}/similar", "POST /api/v1/insight/suggest-category",
				"GET /api/v1/problem-classes", "GET /api/v1/problem-classes/{id}", "GET /api/v1/insight/warnings",
				"GET /api/v1/insight/monthly-themes", "GET /api/v1/dossiers/{id}", "GET /insight/cases/{id}/similar",
				"GET /insight/warnings");
		row("ANALYST,ADMIN", "POST /api/v1/problem-classes", "POST /api/v1/problem-classes/recluster",
				"POST /api/v1/problem-classes/{id}/confirm", "POST /api/v1/problem-classes/{id}/dossiers",
				"POST /api/v1/problem-classes/{id}/merge", "POST /api/v1/problem-classes/{id}/rename",
				"POST /api/v1/dossiers/{id}/measures", "GET /api/v1/insight/index", "GET /api/v1/insight/models",
				"POST /api/v1/insight/models/train", "GET /api/v1/insight/terms",
				"GET /api/v1/insight/training-runs/{id}", "POST /insight/recluster",
				"POST /insight/classes/{id}/rename", "POST /insight/classes/{id}/confirm",
				"POST /insight/classes/{id}/merge", "POST /insight/classes/{classId}/dossiers",
				"POST /insight/dossiers/{id}", "POST /insight/dossiers/{id}/measures", "GET /insight/model",
				"GET /insight/model/runs", "POST /insight/model/train", "GET /insight/terms");
		row("ANALYST,ADMIN,HANDLER,SUPERVISOR", "POST /api/v1/dossiers/{id}/measures/{measureId}/complete");
		row("ADMIN", "POST /api/v1/insight/index/rebuild", "POST /api/v1/insight/terms",
				"DELETE /api/v1/insight/terms/{term}", "POST /insight/terms", "POST /insight/terms/remove");
		row("LEADER,ANALYST,SUPERVISOR,ADMIN", "GET /insight", "GET /insight/classes/{id}", "GET /insight/board");
		row("LEADER,ANALYST,SUPERVISOR,ADMIN,HANDLER", "GET /insight/dossiers/{id}",
				"POST /insight/dossiers/{id}/measures/{measureId}/complete");
		row("OPERATOR,DISPATCHER", "POST /insight/hints");
		row("LEADER,ANALYST,SUPERVISOR,ADMIN", "GET /api/v1/metrics/rates", "GET /api/v1/metrics/scorecard",
				"GET /api/v1/metrics/cases", "GET /api/v1/metrics/weights", "GET /metrics", "GET /metrics/scorecard",
				"GET /metrics/cases", "GET /metrics/map", "GET /metrics/dashboard.xlsx", "GET /metrics/scorecard.xlsx",
				"GET /metrics/cases.xlsx", "GET /metrics/report.pdf");
		row(CITY_ADMIN, "PUT /api/v1/metrics/weights", "POST /metrics/weights");
		row("ADMIN", "GET /metrics/outlines", "POST /metrics/outlines");
		row(SIGNED_IN, "GET /map/places.json");
		row("SUPERVISOR,ADMIN", "GET /api/v1/integrity/flags", "GET /api/v1/integrity/flags/{id}",
				"POST /api/v1/integrity/scan", "GET /integrity/flags", "POST /integrity/scan");
		row("SUPERVISOR", "POST /api/v1/integrity/flags/{id}/review", "POST /integrity/flags/{id}/review");
		row(CITY_ADMIN, "GET /api/v1/audit", "GET /api/v1/audit/verify", "PUT /api/v1/calendar/{year}",
				"POST /api/v1/categories", "POST /api/v1/categories/{code}/attributes", "GET /api/v1/open311-keys",
				"POST /api/v1/open311-keys", "DELETE /api/v1/open311-keys/{id}", "POST /api/v1/time-limits",
				"GET /admin/audit", "POST /admin/audit/verify", "GET /admin/calendar", "POST /admin/calendar",
				"GET /admin/categories", "POST /admin/categories", "GET /admin/open311", "POST /admin/open311/keys",
				"POST /admin/open311/keys/{id}/revoke", "GET /admin/integrity/verify", "POST /admin/integrity/verify",
				"GET /admin/integrity/verify/{id}");
	}

	static final Map<String, String> ACCOUNTS = Map.of("operator", "OPERATOR", "dispatcher", "DISPATCHER", "handler",
			"HANDLER", "supervisor", "SUPERVISOR", "leader", "LEADER", "analyst", "ANALYST", "admin", "ADMIN",
			"dcadmin", "ADMIN", "petition", "DISPATCHER");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@BeforeEach
	void districtAdministrator() {
		Api city = Api.basic(this.port, "admin", Demo.PASSWORD);
		if (city.get("/api/v1/users/dcadmin").status() == 404) {
			city.post("/api/v1/users",
					"""
							{"username":"dcadmin","password":"secret123","displayName":"东城区管理员","unitCode":"DC","roles":["ADMIN"]}""");
		}
	}

	@Test
	void every_endpoint_and_page_has_a_row_in_the_table() {
		Set<String> mapped = new TreeSet<>();
		this.mapping.getHandlerMethods().forEach((info, method) -> {
			if (AccessDeclarationInterceptor.isOurs(method)) {
				for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
					info.getPathPatternsCondition().getPatternValues().forEach((p) -> mapped.add(verb + " " + p));
				}
			}
		});
		assertThat(mapped).as("rows for every mapped endpoint").isSubsetOf(TABLE.keySet());
		assertThat(TABLE.keySet()).as("no row without an endpoint").isSubsetOf(mapped);
	}

	@Test
	void every_row_lets_in_exactly_whom_it_names() {
		Map<String, Api> sessions = new LinkedHashMap<>();
		Map<String, Api> tokens = new LinkedHashMap<>();
		for (String username : ACCOUNTS.keySet()) {
			String password = "dcadmin".equals(username) ? "secret123" : Demo.PASSWORD;
			tokens.put(username,
					Api.bearer(this.port,
							Api.basic(this.port, username, password)
								.post("/api/v1/tokens", "{\"name\":\"matrix\",\"expiresInDays\":1}")
								.json()
								.path("token")
								.asString()));
			Api browser = Api.browser(this.port);
			browser.formLogin(username, "dcadmin".equals(username) ? "secret123" : Demo.PASSWORD);
			sessions.put(username, browser);
		}
		List<String> wrong = new ArrayList<>();
		int cells = 0;
		for (Map.Entry<String, String> row : TABLE.entrySet()) {
			String method = row.getKey().substring(0, row.getKey().indexOf(' '));
			String path = concrete(row.getKey().substring(row.getKey().indexOf(' ') + 1));
			boolean api = path.startsWith("/api/") || path.startsWith("/open311/");
			Api.Response anonymous = call(api ? Api.anonymous(this.port) : Api.browser(this.port), method, path, api,
					null);
			cells++;
			boolean toLogin = anonymous.status() == 401
					|| (anonymous.status() == 302 && String.valueOf(anonymous.header("Location")).contains("/login"));
			boolean anonymousRefused = toLogin || anonymous.status() == 403;
			if (PUBLIC.equals(row.getValue()) ? toLogin : !anonymousRefused) {
				wrong.add(row.getKey() + " anonymous → " + anonymous.status());
			}
			for (Map.Entry<String, String> account : ACCOUNTS.entrySet()) {
				if (PUBLIC.equals(row.getValue())) {
					continue;
				}
				Api who = api ? tokens.get(account.getKey()) : sessions.get(account.getKey());
				int status = call(who, method, path, api, sessions.get(account.getKey())).status();
				cells++;
				boolean mayPass = mayPass(row.getValue(), account.getKey(), account.getValue());
				boolean refused = status == 403 || status == 401;
				if (mayPass == refused && !(mayPass && SIGNED_IN.equals(row.getValue()) && status == 403)) {
					wrong.add(row.getKey() + " " + account.getKey() + " → " + status);
				}
			}
		}
		System.out.println("PermissionMatrixTests: " + TABLE.size() + " rows, " + cells + " cells");
		assertThat(wrong).isEmpty();
	}

	private static boolean mayPass(String rule, String username, String role) {
		return switch (rule) {
			case SIGNED_IN -> true;
			case CITY_ADMIN -> "admin".equals(username);
			default -> Set.of(rule.split(",")).contains(role);
		};
	}

	private static String concrete(String pattern) {
		return pattern.replace("{format}", "json")
			.replace("{action}", "sign")
			.replace("{code}", "DC-HP")
			.replace("{username}", "handler2")
			.replace("{year}", "2031")
			.replace("{number}", "D20260101000001")
			.replaceAll("\\{[^}]+}", "999999");
	}

	private static Api.Response call(Api who, String method, String path, boolean api, Api session) {
		return switch (method) {
			case "GET" -> who.get(path);
			case "DELETE" -> who.delete(path);
			case "PUT" -> who.put(path, "{}");
			default -> api ? who.post(path, "{}") : who.form(path, csrf(session), Map.of("x", "1"));
		};
	}

	private static String csrf(Api session) {
		return (session != null) ? session.get("/account").csrf() : null;
	}

	private static void row(String rule, String... endpoints) {
		for (String endpoint : endpoints) {
			TABLE.put(endpoint, rule);
		}
	}

}
