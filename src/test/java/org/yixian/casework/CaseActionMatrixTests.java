package org.yixian.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action of both tracks tried by a person of every role in the case's own unit, a
 * unit below it, a unit above it and an unrelated unit, from one table of who may take
 * it. The attempt carries a time in the future, so a person who may act gets 409 or 422
 * and nothing changes; everyone else gets 403, or 404 when they may not even see the
 * case.
 */
@WebTest
class CaseActionMatrixTests {

	/** Who passes the permission gate of each action, for a demand dispatched to 和平街道. */
	static final Map<String, Set<String>> DEMAND = new LinkedHashMap<>();

	/** The same for a petition transferred to 和平街道. */
	static final Map<String, Set<String>> PETITION = new LinkedHashMap<>();

	static {
		for (String a : List.of("dispatch", "review-return", "decide-extension", "review-reply", "reopen", "merge",
				"split", "archive", "close")) {
			DEMAND.put(a, Set.of("dispatcher"));
		}
		DEMAND.put("return-visit", Set.of("dispatcher", "operator"));
		for (String a : List.of("sign", "return", "contact", "request-extension", "reply")) {
			DEMAND.put(a, Set.of("handler"));
		}
		DEMAND.put("report", Set.of());
		DEMAND.put("supervise", Set.of("dispatcher", "petition", "supervisor", "leader", "dcleader", "hpleader"));
		DEMAND.put("escalate", Set.of("dispatcher", "supervisor"));
		for (String a : List.of("transfer", "review-objection", "request-review", "request-recheck", "close", "merge",
				"archive")) {
			PETITION.put(a, Set.of("petition"));
		}
		for (String a : List.of("accept", "not-accept", "object", "request-extension", "decide", "review-decide",
				"start-hearing", "end-hearing", "recheck-decide")) {
			PETITION.put(a, Set.of("handler"));
		}
		PETITION.put("decide-extension", Set.of("leader", "dcleader", "hpleader"));
		PETITION.put("follow-up", Set.of("petition", "handler"));
		PETITION.put("supervise", Set.of("petition", "dispatcher", "supervisor", "leader", "dcleader", "hpleader"));
		PETITION.put("escalate", Set.of("petition", "supervisor"));
	}

	/** Accounts: role and where their unit stands to 和平街道 (DC-HP). */
	static final Map<String, String> PEOPLE = Map.ofEntries(Map.entry("operator", "hotline"),
			Map.entry("dispatcher", "hotline"), Map.entry("petition", "petition office"),
			Map.entry("handler", "own unit"), Map.entry("hpcommunityhandler", "unit below"),
			Map.entry("dchandler", "unit above"), Map.entry("handler2", "other street"),
			Map.entry("supervisor", "unit above"), Map.entry("leader", "city"), Map.entry("dcleader", "unit above"),
			Map.entry("hpleader", "own unit"), Map.entry("analyst", "city"));

	@LocalServerPort
	int port;

	@BeforeEach
	void communityHandler() {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		if (admin.get("/api/v1/users/hpcommunityhandler").status() == 404) {
			admin.post("/api/v1/users", """
					{"username":"hpcommunityhandler","password":"secret123","displayName":"社区承办","unitCode":"DC-HP-01",
					 "roles":["HANDLER"]}""");
		}
	}

	@Test
	void every_action_of_both_tracks_lets_through_exactly_whom_the_table_names() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		long demand = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"矩阵测试诉求","content":"矩阵测试",
				 "categoryCode":"0102","areaUnitCode":"DC-HP-01"}""").json().path("id").asLong();
		Api office = Api.basic(this.port, "petition", Demo.PASSWORD);
		JsonNode petition = office.post("/api/v1/cases", """
				{"kind":"PETITION","petitionClass":"APPEAL","channel":"LETTER","title":"矩阵测试信访","content":"矩阵测试",
				 "areaUnitCode":"DC-HP-01"}""").json();
		office.post("/api/v1/cases/" + petition.path("id").asLong() + "/actions/transfer",
				"{\"version\":" + petition.path("version").asInt() + ",\"unitCode\":\"DC-HP\"}");
		List<String> wrong = new ArrayList<>();
		int cells = attempt(demand, DEMAND, wrong) + attempt(petition.path("id").asLong(), PETITION, wrong);
		System.out.println("CaseActionMatrixTests: " + cells + " cells");
		assertThat(wrong).isEmpty();
	}

	private int attempt(long id, Map<String, Set<String>> table, List<String> wrong) {
		int cells = 0;
		String future = java.time.OffsetDateTime.now().plusYears(1).toString();
		for (Map.Entry<String, String> person : PEOPLE.entrySet()) {
			Api who = Api.bearer(this.port,
					Api.basic(this.port, person.getKey(),
							person.getKey().equals("hpcommunityhandler") ? "secret123" : Demo.PASSWORD)
						.post("/api/v1/tokens", "{\"name\":\"matrix\",\"expiresInDays\":1}")
						.json()
						.path("token")
						.asString());
			JsonNode view = Api.basic(this.port, "admin", Demo.PASSWORD).get("/api/v1/cases/" + id).json();
			int version = view.path("version").asInt();
			for (Map.Entry<String, Set<String>> action : table.entrySet()) {
				int status = who
					.post("/api/v1/cases/" + id + "/actions/" + action.getKey(),
							"{\"version\":" + version + ",\"at\":\"" + future + "\"}")
					.status();
				cells++;
				boolean refused = status == 403 || status == 404;
				boolean named = action.getValue().contains(person.getKey());
				if (named == refused || status == 200) {
					wrong.add(view.path("kind").asString() + " " + action.getKey() + " by " + person.getKey() + " ("
							+ person.getValue() + ") → " + status);
				}
			}
		}
		return cells;
	}

}
