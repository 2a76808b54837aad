package org.yixian.frontline;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.frontline.SurveyCommands.Answer;
import org.yixian.frontline.SurveyCommands.QuestionKind;
import org.yixian.frontline.SurveyCommands.SurveyAnswer;
import org.yixian.frontline.SurveyViews.Question;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * A citizen's answers to a published survey, once per person: the phone number is the
 * guard, kept only as HMAC-SHA256 under the survey's own random salt (so the same phone
 * gives unrelated values in two surveys, and no answer can be joined to a case or a
 * booking), unique per survey. Choice questions must be answered; text is optional.
 */
@Service
class SurveyAnswers {

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final Clock clock;

	SurveyAnswers(JdbcClient jdbc, Surveys surveys, Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.clock = clock;
	}

	/**
	 * @throws ConflictException {@code ALREADY_ANSWERED} for a second answer from the
	 * same phone
	 */
	@Transactional
	void answer(long surveyId, SurveyAnswer command) {
		String status = this.jdbc.sql("select status from surveys where id = ?")
			.param(surveyId)
			.query(String.class)
			.optional()
			.filter((s) -> !"DRAFT".equals(s))
			.orElseThrow(() -> new NotFoundException("survey " + surveyId));
		if (!"PUBLISHED".equals(status)) {
			throw new ConflictException("ILLEGAL_TRANSITION", "survey.closed");
		}
		if (!Phones.isValid(command.phone())) {
			throw new InvalidInputException("phone", "frontline.phoneInvalid");
		}
		List<Question> questions = this.surveys.questions(surveyId);
		Map<Long, Answer> given = new HashMap<>();
		command.answers().forEach((a) -> given.put(a.questionId(), a));
		List<FieldMessage> problems = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (Question q : questions) {
			Answer a = given.get(q.id());
			String field = "answers[" + q.id() + "]";
			if (q.kind() == QuestionKind.TEXT) {
				if (a != null && !Text.isBlank(a.text())) {
					rows.add(new Object[] { q.id(), null, a.text().strip() });
				}
				continue;
			}
			Set<Long> valid = new HashSet<>();
			q.options().forEach((o) -> valid.add(o.id()));
			List<Long> chosen = (a != null && a.optionIds() != null) ? a.optionIds().stream().distinct().toList()
					: List.of();
			if (chosen.isEmpty()) {
				problems.add(new FieldMessage(field, "survey.answerRequired"));
			}
			else if (!valid.containsAll(chosen) || (q.kind() == QuestionKind.SINGLE && chosen.size() > 1)) {
				problems.add(new FieldMessage(field, "survey.answerInvalid"));
			}
			else {
				chosen.forEach((option) -> rows.add(new Object[] { q.id(), option, null }));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		byte[] salt = this.jdbc.sql("select salt from surveys where id = ?")
			.param(surveyId)
			.query((rs, n) -> rs.getBytes("salt"))
			.single();
		Long responseId = this.jdbc.sql("""
				insert into survey_responses (survey_id, respondent_hash, submitted_at) values (?, ?, ?)
				on conflict (survey_id, respondent_hash) do nothing returning id""")
			.params(surveyId, respondent(salt, Phones.normalise(command.phone())), OffsetDateTime.now(this.clock))
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new ConflictException("ALREADY_ANSWERED", "survey.alreadyAnswered"));
		for (Object[] row : rows) {
			this.jdbc.sql("insert into survey_answers (response_id, question_id, option_id, text) values (?, ?, ?, ?)")
				.params(responseId, row[0], row[1], row[2])
				.update();
		}
	}

	static String respondent(byte[] salt, String phone) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(salt, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(phone.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
