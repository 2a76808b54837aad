package org.yixian.frontline;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.frontline.SurveyCommands.NewQuestion;
import org.yixian.frontline.SurveyCommands.NewSurvey;
import org.yixian.frontline.SurveyCommands.QuestionKind;
import org.yixian.frontline.SurveyViews.Option;
import org.yixian.frontline.SurveyViews.OptionCount;
import org.yixian.frontline.SurveyViews.PublicSurvey;
import org.yixian.frontline.SurveyViews.Question;
import org.yixian.frontline.SurveyViews.QuestionResult;
import org.yixian.frontline.SurveyViews.Results;
import org.yixian.frontline.SurveyViews.SurveySummary;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Surveys (问需于民、问计于民): written by a unit ({@code DRAFT}), published to the public site
 * ({@code PUBLISHED}) and closed ({@code CLOSED}); results counted per option, with text
 * answers and their key terms.
 */
@Service
class Surveys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SUMMARY = """
			select s.id, s.title, n.name as unit_name, s.status, s.created_at, s.published_at,
			       (select count(*) from survey_responses r where r.survey_id = s.id) as responses
			from surveys s join units n on n.id = s.unit_id""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Surveys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static boolean mayWrite(Actor actor) {
		return actor.has(Role.LEADER) || actor.has(Role.ANALYST) || actor.has(Role.SUPERVISOR)
				|| actor.has(Role.DISPATCHER);
	}

	@Transactional
	SurveySummary create(NewSurvey command, Actor actor) {
		if (!mayWrite(actor)) {
			throw new ForbiddenException("survey.mayNotWrite");
		}
		List<FieldMessage> problems = new ArrayList<>();
		for (int i = 0; i < command.questions().size(); i++) {
			NewQuestion q = command.questions().get(i);
			if (q.kind() != QuestionKind.TEXT && options(q).size() < 2) {
				problems.add(new FieldMessage("questions[" + i + "].options", "survey.twoOptions"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		long id = this.jdbc.sql("""
				insert into surveys (title, intro, unit_id, status, salt, created_by, created_at)
				values (?, ?, ?, 'DRAFT', ?, ?, ?) returning id""")
			.params(command.title().strip(), Text.blankToNull(command.intro()), actor.unitId(), salt,
					actor.getUsername(), OffsetDateTime.now(this.clock))
			.query(Long.class)
			.single();
		for (int i = 0; i < command.questions().size(); i++) {
			NewQuestion q = command.questions().get(i);
			long questionId = this.jdbc
				.sql("insert into survey_questions (survey_id, position, text, kind) values (?, ?, ?, ?) returning id")
				.params(id, i, q.text().strip(), q.kind().name())
				.query(Long.class)
				.single();
			if (q.kind() != QuestionKind.TEXT) {
				List<String> options = options(q);
				for (int j = 0; j < options.size(); j++) {
					this.jdbc.sql("insert into survey_options (question_id, position, text) values (?, ?, ?)")
						.params(questionId, j, options.get(j))
						.update();
				}
			}
		}
		return summary(id, actor);
	}

	private static List<String> options(NewQuestion q) {
		return (q.options() == null) ? List.of()
				: q.options().stream().filter((o) -> !Text.isBlank(o)).map(String::strip).distinct().toList();
	}

	@Transactional
	SurveySummary publish(long id, Actor actor) {
		return move(id, "DRAFT", "PUBLISHED", "published_at", actor);
	}

	@Transactional
	SurveySummary close(long id, Actor actor) {
		return move(id, "PUBLISHED", "CLOSED", "closed_at", actor);
	}

	private SurveySummary move(long id, String from, String to, String column, Actor actor) {
		summary(id, actor);
		if (!mayWrite(actor)) {
			throw new ForbiddenException("survey.mayNotWrite");
		}
		int updated = this.jdbc.sql("update surveys set status = ?, " + column + " = ? where id = ? and status = ?")
			.params(to, OffsetDateTime.now(this.clock), id, from)
			.update();
		if (updated == 0) {
			throw new ConflictException("ILLEGAL_TRANSITION", "survey.illegalTransition");
		}
		return summary(id, actor);
	}

	@Transactional(readOnly = true)
	SurveySummary summary(long id, Actor actor) {
		return this.jdbc.sql(SUMMARY + " where s.id = ? and n.path like ?")
			.params(id, actor.scope().likePattern())
			.query((rs, n) -> summary(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("survey " + id));
	}

	@Transactional(readOnly = true)
	List<SurveySummary> list(Actor actor) {
		return recent(actor.scope().likePattern(), 200);
	}

	List<SurveySummary> recent(String pathPattern, int limit) {
		return this.jdbc.sql(SUMMARY + " where n.path like ? order by s.created_at desc, s.id desc limit ?")
			.params(pathPattern, limit)
			.query((rs, n) -> summary(rs))
			.list();
	}

	/**
	 * The surveys open to answers, newest first.
	 */
	@Transactional(readOnly = true)
	List<SurveySummary> published() {
		return this.jdbc.sql(SUMMARY + " where s.status = 'PUBLISHED' order by s.published_at desc limit 50")
			.query((rs, n) -> summary(rs))
			.list();
	}

	/**
	 * A survey open to answers; any other is not found.
	 */
	@Transactional(readOnly = true)
	PublicSurvey published(long id) {
		return this.jdbc.sql("select title, intro from surveys where id = ? and status = 'PUBLISHED'")
			.param(id)
			.query((rs, n) -> new PublicSurvey(id, rs.getString("title"), rs.getString("intro"), List.of()))
			.optional()
			.map((s) -> new PublicSurvey(id, s.title(), s.intro(), questions(id)))
			.orElseThrow(() -> new NotFoundException("survey " + id));
	}

	List<Question> questions(long surveyId) {
		Map<Long, List<Option>> options = new HashMap<>();
		this.jdbc.sql("""
				select o.id, o.question_id, o.text from survey_options o join survey_questions q on q.id = o.question_id
				where q.survey_id = ? order by o.position""").param(surveyId).query((rs) -> {
			options.computeIfAbsent(rs.getLong("question_id"), (k) -> new ArrayList<>())
				.add(new Option(rs.getLong("id"), rs.getString("text")));
		});
		return this.jdbc.sql("select id, text, kind from survey_questions where survey_id = ? order by position")
			.param(surveyId)
			.query((rs, n) -> new Question(rs.getLong("id"), rs.getString("text"),
					QuestionKind.valueOf(rs.getString("kind")), options.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	@Transactional(readOnly = true)
	Results results(long id, Actor actor) {
		SurveySummary survey = summary(id, actor);
		String intro = this.jdbc.sql("select intro from surveys where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				select a.option_id, count(*) as n from survey_answers a join survey_responses r on r.id = a.response_id
				where r.survey_id = ? and a.option_id is not null group by a.option_id""").param(id).query((rs) -> {
			counts.put(rs.getLong("option_id"), rs.getLong("n"));
		});
		Map<Long, Long> answered = new HashMap<>();
		this.jdbc.sql("""
				select a.question_id, count(distinct a.response_id) as n from survey_answers a
				join survey_responses r on r.id = a.response_id where r.survey_id = ? group by a.question_id""")
			.param(id)
			.query((rs) -> {
				answered.put(rs.getLong("question_id"), rs.getLong("n"));
			});
		List<QuestionResult> questions = new ArrayList<>();
		for (Question q : questions(id)) {
			List<String> texts = List.of();
			List<KeyTerms.Term> terms = List.of();
			if (q.kind() == QuestionKind.TEXT) {
				texts = this.jdbc
					.sql("""
							select a.text from survey_answers a join survey_responses r on r.id = a.response_id
							where a.question_id = ? and a.text is not null order by r.submitted_at desc, r.id desc limit 500""")
					.param(q.id())
					.query(String.class)
					.list();
				terms = KeyTerms.of(texts, 15);
			}
			questions.add(new QuestionResult(q.id(), q.text(), q.kind(), answered.getOrDefault(q.id(), 0L),
					q.options()
						.stream()
						.map((o) -> new OptionCount(o.id(), o.text(), counts.getOrDefault(o.id(), 0L)))
						.toList(),
					texts.subList(0, Math.min(texts.size(), 50)), terms));
		}
		return new Results(id, survey.title(), intro, survey.unitName(), survey.status(), survey.publishedAt(),
				survey.responses(), questions);
	}

	private static SurveySummary summary(ResultSet rs) throws SQLException {
		return new SurveySummary(rs.getLong("id"), rs.getString("title"), rs.getString("unit_name"),
				rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("published_at", OffsetDateTime.class), rs.getLong("responses"));
	}

}
