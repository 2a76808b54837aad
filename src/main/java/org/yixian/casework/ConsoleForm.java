package org.yixian.casework;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.yixian.shared.FieldMessage;
import org.yixian.shared.FormValues;
import org.yixian.shared.InvalidInputException;

/**
 * The operator console's form: every field as the operator typed it, so that a wrong
 * value never loses the call; {@link #toCommand} turns it into the intake's command or
 * names each field that cannot be read.
 */
record ConsoleForm(String kind, String type, String channel, String title, String content, String categoryCode,
		String areaUnitCode, String address, String lat, String lng, String receivedAt, Caller complainant,
		String answer, String formToken, String answerArticleId, String answerArticleVersion) {

	ConsoleForm {
		if (complainant == null) {
			complainant = new Caller("", "", "");
		}
	}

	static ConsoleForm empty() {
		return new ConsoleForm(CaseKind.DEMAND.name(), DemandType.COMPLAINT.name(), Channel.PHONE.name(), "", "", "",
				"", "", "", "", "", new Caller("", "", ""), "", java.util.UUID.randomUUID().toString(), "", "");
	}

	/**
	 * The same form with the category and area as codes (the operator may type names).
	 */
	ConsoleForm withCodes(String category, String area) {
		return new ConsoleForm(this.kind, this.type, this.channel, this.title, this.content, category, area,
				this.address, this.lat, this.lng, this.receivedAt, this.complainant, this.answer, this.formToken,
				this.answerArticleId, this.answerArticleVersion);
	}

	/**
	 * The key that makes a second post of this form (a double click, back and save again)
	 * answer with the case the first one made: one per rendered form.
	 */
	String idempotencyKey() {
		return (this.formToken == null || !this.formToken.strip().matches("[A-Za-z0-9-]{8,64}")) ? null
				: "console:" + this.formToken.strip();
	}

	NewCase toCommand(ZoneId zone) {
		List<FieldMessage> problems = new ArrayList<>();
		DemandType demandType = FormValues.choice(DemandType.class, this.type, "type", problems);
		Channel via = FormValues.choice(Channel.class, this.channel, "channel", problems);
		if (this.kind != null && !this.kind.isBlank() && !CaseKind.DEMAND.name().equals(this.kind.strip())) {
			problems.add(new FieldMessage("kind", "typeMismatch"));
		}
		String confidential = this.complainant.confidential();
		if (confidential != null && !confidential.isBlank() && !"true".equals(confidential)
				&& !"on".equals(confidential) && !"false".equals(confidential)) {
			problems.add(new FieldMessage("complainant.confidential", "typeMismatch"));
		}
		OffsetDateTime received = FormValues.localDateTime(this.receivedAt, zone, "receivedAt", problems);
		Double latitude = FormValues.decimal(this.lat, "lat", problems);
		Double longitude = FormValues.decimal(this.lng, "lng", problems);
		if ((latitude == null) != (longitude == null)) {
			problems.add(new FieldMessage((latitude == null) ? "lat" : "lng", "console.placeHalf"));
		}
		NewCase.AnswerSource source = answerSource(problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new NewCase(CaseKind.DEMAND, demandType, via, this.title, this.content,
				FormValues.blankToNull(this.categoryCode), this.areaUnitCode, this.address, latitude, longitude,
				received,
				new NewCase.Complainant(this.complainant.name(), FormValues.blankToNull(this.complainant.phone()), null,
						FormValues.checked(confidential)),
				null, null, FormValues.blankToNull(this.answer), null, List.of(), null, null, source);
	}

	/**
	 * The knowledge-base article the answer was taken from ("用此答复"), when the answer box
	 * still holds one.
	 */
	private NewCase.AnswerSource answerSource(List<FieldMessage> problems) {
		if (FormValues.blank(this.answerArticleId) || FormValues.blank(this.answer)) {
			return null;
		}
		try {
			long id = Long.parseLong(this.answerArticleId.strip());
			int version = Integer
				.parseInt((this.answerArticleVersion == null) ? "" : this.answerArticleVersion.strip());
			if (id >= 1 && version >= 1 && version <= 1_000_000) {
				return new NewCase.AnswerSource(id, version);
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		problems.add(new FieldMessage("answerArticleId", "typeMismatch"));
		return null;
	}

	/**
	 * The caller as the console takes them.
	 */
	record Caller(String name, String phone, String confidential) {
	}

}
