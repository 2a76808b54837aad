package org.yixian.frontline;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What surveys take: the survey with its questions, and a citizen's answers.
 */
final class SurveyCommands {

	private SurveyCommands() {
	}

	/**
	 * {@code POST /surveys}.
	 */
	record NewSurvey(@NotBlank @Size(max = 200) String title, @Size(max = 2000) String intro,
			@NotNull @Size(min = 1, max = 30) List<@Valid NewQuestion> questions) {
	}

	/**
	 * A question: single or multiple choice with two to twenty options, or free text.
	 */
	record NewQuestion(@NotBlank @Size(max = 500) String text, @NotNull QuestionKind kind,
			@Size(max = 20) List<@Size(max = 200) String> options) {
	}

	enum QuestionKind {

		SINGLE, MULTIPLE, TEXT

	}

	/**
	 * {@code POST /public/surveys/{id}/answers}: the respondent's phone (the one-answer
	 * guard, never stored in clear) and one answer per question answered.
	 */
	record SurveyAnswer(@NotBlank @Size(max = 20) String phone, @NotNull @Size(max = 30) List<@Valid Answer> answers) {
	}

	/**
	 * The options chosen, or the text written.
	 */
	record Answer(@NotNull Long questionId, @Size(max = 20) List<Long> optionIds, @Size(max = 2000) String text) {
	}

}
