package org.yixian.petition;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.yixian.casework.CaseKind;
import org.yixian.casework.Channel;
import org.yixian.casework.NewCase;
import org.yixian.casework.PetitionClass;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * The registration page's form: every field as the person typed it, so that nothing typed
 * is lost when a value is wrong; {@link #toCommand} turns it into the intake's command or
 * names each field that cannot be read.
 */
record PetitionForm(String petitionClass, String channel, String receivedAt, String visitorCount, String name,
		String phone, String idNumber, String confidential, List<RepresentativeRow> representatives,
		String categoryCode, String areaUnitCode, String accusedUnitCode, String urgent, String address, String title,
		String content) {

	static final int ROWS = 5;

	PetitionForm {
		List<RepresentativeRow> rows = new ArrayList<>();
		if (representatives != null) {
			representatives.forEach((r) -> rows.add((r != null) ? r : RepresentativeRow.EMPTY));
		}
		while (rows.size() < ROWS) {
			rows.add(RepresentativeRow.EMPTY);
		}
		representatives = rows;
	}

	static PetitionForm empty() {
		return new PetitionForm(PetitionClass.APPEAL.name(), Channel.WALK_IN.name(), "", "1", "", "", "", null,
				List.of(), "", "", "", null, "", "", "");
	}

	NewCase toCommand(ZoneId zone) {
		List<FieldMessage> problems = new ArrayList<>();
		PetitionClass kind = parse(PetitionClass.class, this.petitionClass, "petitionClass", problems);
		Channel via = parse(Channel.class, this.channel, "channel", problems);
		OffsetDateTime received = null;
		if (!blank(this.receivedAt)) {
			try {
				received = LocalDateTime.parse(this.receivedAt.strip()).atZone(zone).toOffsetDateTime();
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldMessage("receivedAt", "typeMismatch"));
			}
		}
		Integer visitors = null;
		if (!blank(this.visitorCount)) {
			try {
				visitors = Integer.valueOf(this.visitorCount.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldMessage("visitorCount", "typeMismatch"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<NewCase.Representative> rows = this.representatives.stream()
			.map((r) -> new NewCase.Representative(r.name(), r.phone(), r.idNumber()))
			.toList();
		return new NewCase(CaseKind.PETITION, null, via, this.title, this.content, blankToNull(this.categoryCode),
				this.areaUnitCode, this.address, null, null, received,
				new NewCase.Complainant(this.name, blankToNull(this.phone), blankToNull(this.idNumber),
						checked(this.confidential)),
				kind, blankToNull(this.accusedUnitCode), null, visitors, rows, checked(this.urgent));
	}

	/**
	 * A representative's row of the form.
	 */
	record RepresentativeRow(String name, String phone, String idNumber) {

		static final RepresentativeRow EMPTY = new RepresentativeRow("", "", "");

	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldMessage> problems) {
		if (blank(value)) {
			problems.add(new FieldMessage(field, "NotNull"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldMessage(field, "typeMismatch"));
			return null;
		}
	}

	/**
	 * A checkbox: ticked when it sent {@code true} or {@code on}; anything else is not
	 * ticked.
	 */
	private static boolean checked(String value) {
		return "true".equals(value) || "on".equals(value);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return blank(value) ? null : value.strip();
	}

}
