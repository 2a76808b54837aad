package org.yixian.frontline;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.JsonNode;

import org.yixian.testing.Api;
import org.yixian.testing.Demo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people of frontline work as a test talks to them over HTTP: the city leader, the
 * district leader 王东升 (东城区), the street leader 马和平 (和平街道), the street's handler, the
 * petition office and a citizen without an account.
 */
final class FrontlineApi {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	final Api city;

	final Api district;

	final Api street;

	final Api handler;

	final Api office;

	final Api citizen;

	final Api operator;

	FrontlineApi(int port) {
		this.operator = Api.basic(port, "operator", Demo.PASSWORD);
		this.city = Api.basic(port, "leader", Demo.PASSWORD);
		this.district = Api.basic(port, "dcleader", Demo.PASSWORD);
		this.street = Api.basic(port, "hpleader", Demo.PASSWORD);
		this.handler = Api.basic(port, "handler", Demo.PASSWORD);
		this.office = Api.basic(port, "petition", Demo.PASSWORD);
		this.citizen = Api.anonymous(port);
	}

	/**
	 * A reception day of the district leader starting in some minutes from now.
	 */
	JsonNode reception(int slots, long startsInMinutes) {
		OffsetDateTime start = OffsetDateTime.now(SHANGHAI)
			.plusMinutes(startsInMinutes)
			.truncatedTo(ChronoUnit.MINUTES);
		Api.Response created = this.district.post("/api/v1/receptions", """
				{"leaderUsername":"dcleader","leaderPost":"东城区副区长","unitCode":"DC","place":"东城区信访接待中心二楼",
				 "startsAt":"%s","endsAt":"%s","slots":%d,"topic":"老旧小区改造、物业纠纷"}""".formatted(start, start.plusHours(3),
				slots));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	Api.Response book(long receptionId, String name, String phone) {
		return this.citizen.post("/api/v1/public/receptions/" + receptionId + "/bookings",
				"{\"name\":\"%s\",\"phone\":\"%s\",\"matter\":\"小区电梯停运三个月无人维修\"}".formatted(name, phone));
	}

	/**
	 * A demand registered at the hotline in a community of 和平街道 (dispatched there).
	 */
	long demand(String title) {
		Api.Response created = this.operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"%s","content":"%s，多次反映未解决。",
				 "categoryCode":"0102","areaUnitCode":"DC-HP-01","complainant":{"name":"李秀兰","phone":"13900002222"}}"""
			.formatted(title, title));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	int version(long caseId) {
		return this.city.get("/api/v1/cases/" + caseId).json().path("version").asInt();
	}

	Api.Response act(Api who, long caseId, String action, String fields) {
		return who.post("/api/v1/cases/" + caseId + "/actions/" + action,
				"{\"version\":" + version(caseId) + (fields.isEmpty() ? "" : "," + fields) + "}");
	}

}
