package org.yixian.petition;

import tools.jackson.databind.JsonNode;

import org.yixian.testing.Api;
import org.yixian.testing.Demo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The petition office, its units and leaders as a test talks to them over HTTP.
 */
final class PetitionApi {

	final Api office;

	final Api street;

	final Api district;

	final Api city;

	final Api leader;

	final Api department;

	PetitionApi(int port) {
		this.office = Api.basic(port, "petition", Demo.PASSWORD);
		this.street = Api.basic(port, "handler", Demo.PASSWORD);
		this.district = Api.basic(port, "dchandler", Demo.PASSWORD);
		this.city = Api.basic(port, "cityhandler", Demo.PASSWORD);
		this.leader = Api.basic(port, "leader", Demo.PASSWORD);
		Api admin = Api.basic(port, "admin", Demo.PASSWORD);
		if (admin.get("/api/v1/users/zjjpetition").status() == 404) {
			admin.post("/api/v1/users", """
					{"username":"zjjpetition","password":"secret123","displayName":"住建局信访","unitCode":"SFS-ZJJ",
					 "roles":["HANDLER"]}""");
		}
		this.department = Api.basic(port, "zjjpetition", "secret123");
	}

	/**
	 * Registers a petition at the office and answers the created case.
	 */
	JsonNode register(String title, String idNumber, String receivedAt, String extra) {
		Api.Response response = this.office.post("/api/v1/cases",
				"""
						{"kind":"PETITION","petitionClass":"APPEAL","channel":"WALK_IN","title":"%s",
						 "content":"%s。信访人反映%s，请求依法处理。","categoryCode":"0101",
						 "areaUnitCode":"DC-HP-01"%s,
						 "complainant":{"name":"王建华","phone":"13812340000","idNumber":"%s"}%s}""".formatted(title,
						title, title, (receivedAt == null) ? "" : ",\"receivedAt\":\"" + receivedAt + "\"", idNumber,
						(extra == null) ? "" : "," + extra));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	JsonNode act(Api who, long id, String action, String fields, int expected) {
		int version = this.office.get("/api/v1/cases/" + id).json().path("version").asInt();
		Api.Response response = who.post("/api/v1/cases/" + id + "/actions/" + action,
				"{\"version\":" + version + (fields.isEmpty() ? "" : "," + fields) + "}");
		assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(expected);
		return response.json();
	}

	JsonNode get(long id) {
		return this.office.get("/api/v1/cases/" + id).json();
	}

	static String due(JsonNode view, String kind) {
		for (JsonNode deadline : view.path("deadlines")) {
			if (deadline.path("kind").asString().equals(kind)) {
				return deadline.path("dueAt").asString();
			}
		}
		return null;
	}

	static String met(JsonNode view, String kind) {
		for (JsonNode deadline : view.path("deadlines")) {
			if (deadline.path("kind").asString().equals(kind)) {
				return deadline.path("metAt").asString(null);
			}
		}
		return null;
	}

}
