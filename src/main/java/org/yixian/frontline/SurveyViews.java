package org.yixian.frontline;

import java.time.OffsetDateTime;
import java.util.List;

import org.yixian.frontline.SurveyCommands.QuestionKind;

/**
 * Surveys as the public, the API and the pages see them.
 */
final class SurveyViews {

	private SurveyViews() {
	}

	/**
	 * A published survey as anyone may read it.
	 */
	record PublicSurvey(long id, String title, String intro, List<Question> questions) {
	}

	record Question(long id, String text, QuestionKind kind, List<Option> options) {
	}

	record Option(long id, String text) {
	}

	/**
	 * A survey in a list.
	 */
	record SurveySummary(long id, String title, String unitName, String status, OffsetDateTime createdAt,
			OffsetDateTime publishedAt, long responses) {
	}

	/**
	 * {@code GET /surveys/{id}/results}: counts per option, text answers and their key
	 * terms.
	 */
	record Results(long id, String title, String intro, String unitName, String status, OffsetDateTime publishedAt,
			long responses, List<QuestionResult> questions) {
	}

	record QuestionResult(long id, String text, QuestionKind kind, long answered, List<OptionCount> options,
			List<String> texts, List<KeyTerms.Term> terms) {
	}

	record OptionCount(long id, String text, long count) {
	}

}
