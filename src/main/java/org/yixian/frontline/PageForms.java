package org.yixian.frontline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.UnaryOperator;

import org.yixian.casework.CaseKind;
import org.yixian.casework.DemandType;
import org.yixian.casework.PetitionClass;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * The forms of the frontline pages: flat records that keep what was typed, so that a page
 * refused for one field shows everything again with the error beside that field.
 */
final class PageForms {

	private PageForms() {
	}

	/**
	 * A reception day; times are local ({@code datetime-local}).
	 */
	record ReceptionForm(String leaderUsername, String leaderPost, String unitCode, String place, String startsAt,
			String endsAt, String slots, String topic) {
	}

	/**
	 * A visit on the day, with the case it may become.
	 */
	record VisitForm(String confirmationCode, String name, String phone, String idNumber, String matter, String outcome,
			String answer, String kind, String type, String petitionClass, String title, String content,
			String categoryCode, String areaUnitCode, String address) {

		static VisitForm empty() {
			return new VisitForm("", "", "", "", "", ReceptionCommands.VisitOutcome.ANSWERED.name(), "",
					CaseKind.DEMAND.name(), DemandType.HELP.name(), PetitionClass.APPEAL.name(), "", "", "", "", "");
		}

	}

	/**
	 * An on-site office session.
	 */
	record SessionForm(String title, String place, String date, String leaderUsername, List<String> attendeeUnitCodes) {
	}

	/**
	 * A task of a session.
	 */
	record TaskForm(String problem, String ownerUnitCode, String dueDate) {
	}

	/**
	 * A research visit.
	 */
	record ResearchForm(String topic, String places, String date, String leaderUsername) {
	}

	/**
	 * A finding, and the task or case it may become.
	 */
	record FindingForm(String text, String ownerUnitCode, String dueDate, String caseTitle, String areaUnitCode) {
	}

	/**
	 * A down-visit plan.
	 */
	record DownVisitForm(String leaderUsername, String areaUnitCode, String date, String purpose, String caseNumbers) {
	}

	/**
	 * A down-visit record with at most one case.
	 */
	record DownVisitRecordForm(String findings, String caseTitle, String caseContent, String areaUnitCode) {
	}

	/**
	 * A booking on the public page.
	 */
	record BookingForm(String name, String phone, String matter) {
	}

	/**
	 * A choice of a form (radio, select) as the enum it names; a value that names none is
	 * a field error, and a blank one is no choice.
	 */
	static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "typeMismatch");
		}
	}

	/**
	 * A whole number typed into a form, or a field error.
	 */
	static Integer number(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "typeMismatch");
		}
	}

	static OffsetDateTime localTime(String text, ZoneId zone, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "NotNull");
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "typeMismatch");
		}
	}

	static LocalDate date(String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "NotNull");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "typeMismatch");
		}
	}

	/**
	 * The same refusal with its fields renamed to a form's.
	 */
	static InvalidInputException renamed(InvalidInputException ex, UnaryOperator<String> rename) {
		return new InvalidInputException(
				ex.errors().stream().map((e) -> new FieldMessage(rename.apply(e.field()), e.key(), e.args())).toList());
	}

}
