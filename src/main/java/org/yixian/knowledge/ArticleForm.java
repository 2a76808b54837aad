package org.yixian.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.yixian.shared.FieldMessage;
import org.yixian.shared.FormValues;
import org.yixian.shared.InvalidInputException;

/**
 * The edit page's form, every field as typed, so that a refusal (a bad value, a stale
 * version) gives back what the editor wrote.
 */
record ArticleForm(String title, String keywords, String answer, String categoryCode, String responsibleUnitCode,
		String ownerUnitCode, String validFrom, String validUntil, String status, String version) {

	static ArticleForm empty(String ownerUnitCode) {
		return new ArticleForm("", "", "", "", "", ownerUnitCode, "", "", ArticleStatus.DRAFT.name(), "");
	}

	static ArticleForm of(Article a) {
		return new ArticleForm(a.title(), a.keywords(), a.answer(), nonNull(a.categoryCode()),
				nonNull(a.responsibleUnitCode()), nonNull(a.ownerUnitCode()),
				(a.validFrom() != null) ? a.validFrom().toString() : "",
				(a.validUntil() != null) ? a.validUntil().toString() : "", a.status().name(),
				String.valueOf(a.version()));
	}

	/**
	 * The same form at another version (re-applying typed text over a newer version).
	 */
	ArticleForm atVersion(int current) {
		return new ArticleForm(this.title, this.keywords, this.answer, this.categoryCode, this.responsibleUnitCode,
				this.ownerUnitCode, this.validFrom, this.validUntil, this.status, String.valueOf(current));
	}

	ArticleDraft toDraft() {
		List<FieldMessage> problems = new ArrayList<>();
		LocalDate from = date(this.validFrom, "validFrom", problems);
		LocalDate until = date(this.validUntil, "validUntil", problems);
		ArticleStatus chosen = FormValues.choice(ArticleStatus.class, this.status, "status", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ArticleDraft(this.title, this.keywords, this.answer, this.categoryCode, this.responsibleUnitCode,
				this.ownerUnitCode, from, until, chosen);
	}

	Integer versionNumber() {
		try {
			return (this.version == null || this.version.isBlank()) ? null : Integer.valueOf(this.version.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("version", "typeMismatch");
		}
	}

	private static LocalDate date(String value, String field, List<FieldMessage> problems) {
		if (FormValues.blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldMessage(field, "typeMismatch"));
			return null;
		}
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}
