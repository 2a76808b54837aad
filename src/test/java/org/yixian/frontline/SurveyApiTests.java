package org.yixian.frontline;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surveys: drafted, published, answered once per phone, counted per option, text answers
 * with their key terms.
 */
@WebTest
class SurveyApiTests {

	@LocalServerPort
	int port;

	FrontlineApi api;

	@BeforeEach
	void people() {
		this.api = new FrontlineApi(this.port);
	}

	@Test
	void answers_are_counted_per_option_once_per_phone_and_text_answers_give_their_key_terms() {
		Api.Response created = this.api.district.post("/api/v1/surveys", """
				{"title":"东城区养老服务需求调查","intro":"请花一分钟告诉我们您的需求。","questions":[
				 {"text":"您最需要哪项养老服务？","kind":"SINGLE","options":["助餐","助浴","日间照料"]},
				 {"text":"您希望在哪些时间获得服务？","kind":"MULTIPLE","options":["上午","下午","晚上"]},
				 {"text":"您还有什么建议？","kind":"TEXT"}]}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(this.api.citizen.get("/api/v1/public/surveys/" + id).status()).as("a draft is not public")
			.isEqualTo(404);
		assertThat(this.api.district.post("/api/v1/surveys/" + id + "/actions/publish", "").status()).isEqualTo(200);
		JsonNode survey = this.api.citizen.get("/api/v1/public/surveys/" + id).json();
		long single = survey.path("questions").get(0).path("id").asLong();
		long meals = survey.path("questions").get(0).path("options").get(0).path("id").asLong();
		long daycare = survey.path("questions").get(0).path("options").get(2).path("id").asLong();
		long multiple = survey.path("questions").get(1).path("id").asLong();
		long morning = survey.path("questions").get(1).path("options").get(0).path("id").asLong();
		long evening = survey.path("questions").get(1).path("options").get(2).path("id").asLong();
		long text = survey.path("questions").get(2).path("id").asLong();

		assertThat(answer(id, "13600000001", single, meals, multiple, "[" + morning + "," + evening + "]", text,
				"希望社区食堂增加晚餐，老年食堂价格再便宜一些")
			.status()).isEqualTo(201);
		assertThat(answer(id, "13600000002", single, meals, multiple, "[" + evening + "]", text, "社区食堂晚餐供应不足，希望延长营业时间")
			.status()).isEqualTo(201);
		assertThat(answer(id, "13600000003", single, daycare, multiple, "[" + morning + "]", text, "").status())
			.isEqualTo(201);
		Api.Response again = answer(id, "136 0000 0001", single, daycare, multiple, "[" + morning + "]", text, "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("code").asString()).isEqualTo("ALREADY_ANSWERED");
		Api.Response twoForSingle = answer(id, "13600000009", single, meals + "," + daycare, multiple,
				"[" + morning + "]", text, "");
		assertThat(twoForSingle.status()).isEqualTo(422);
		Api.Response badPhone = answer(id, "110", single, meals, multiple, "[" + morning + "]", text, "");
		assertThat(badPhone.status()).isEqualTo(422);
		assertThat(badPhone.errorFields()).containsExactly("phone");

		JsonNode results = this.api.district.get("/api/v1/surveys/" + id + "/results").json();
		assertThat(results.path("responses").asLong()).isEqualTo(3);
		JsonNode first = results.path("questions").get(0);
		assertThat(first.path("options").get(0).path("count").asLong()).isEqualTo(2);
		assertThat(first.path("options").get(1).path("count").asLong()).isZero();
		assertThat(first.path("options").get(2).path("count").asLong()).isEqualTo(1);
		JsonNode second = results.path("questions").get(1);
		assertThat(second.path("options").get(0).path("count").asLong()).isEqualTo(2);
		assertThat(second.path("options").get(2).path("count").asLong()).isEqualTo(2);
		JsonNode third = results.path("questions").get(2);
		assertThat(third.path("texts").size()).isEqualTo(2);
		assertThat(third.path("terms").get(0).path("count").asInt()).isEqualTo(2);
		assertThat(third.path("terms").toString()).contains("晚餐", "食堂").doesNotContain("\"希望\"");

		assertThat(this.api.district.post("/api/v1/surveys/" + id + "/actions/close", "").status()).isEqualTo(200);
		assertThat(answer(id, "13600000004", single, meals, multiple, "[" + morning + "]", text, "").status())
			.isEqualTo(409);
	}

	@Test
	void a_choice_question_needs_two_options_and_only_survey_writers_may_create() {
		Api.Response one = this.api.district.post("/api/v1/surveys",
				"{\"title\":\"t\",\"questions\":[{\"text\":\"q\",\"kind\":\"SINGLE\",\"options\":[\"只有一个\"]}]}");
		assertThat(one.status()).isEqualTo(422);
		assertThat(one.errorFields()).containsExactly("questions[0].options");
		assertThat(this.api.handler
			.post("/api/v1/surveys", "{\"title\":\"t\",\"questions\":[{\"text\":\"q\",\"kind\":\"TEXT\"}]}")
			.status()).isEqualTo(403);
	}

	private Api.Response answer(long survey, String phone, long single, Object singleOption, long multiple,
			String multipleOptions, long text, String words) {
		return this.api.citizen.post("/api/v1/public/surveys/" + survey + "/answers", """
				{"phone":"%s","answers":[{"questionId":%d,"optionIds":[%s]},{"questionId":%d,"optionIds":%s},
				 {"questionId":%d,"text":"%s"}]}""".formatted(phone, single, singleOption, multiple, multipleOptions,
				text, words));
	}

}
