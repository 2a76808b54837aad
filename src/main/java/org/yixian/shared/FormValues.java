package org.yixian.shared;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads what a person typed into a page form (forms bind to records of text, so that a
 * wrong value never loses the form): each reader adds a field error to {@code problems}
 * instead of failing, so that every wrong field is named at once.
 */
public final class FormValues {

	private FormValues() {
	}

	/**
	 * A required choice (radio, select) as the enum it names.
	 */
	public static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldMessage> problems) {
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
	 * A {@code datetime-local} value in the configured zone, or null when left blank.
	 */
	public static OffsetDateTime localDateTime(String value, ZoneId zone, String field, List<FieldMessage> problems) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(zone).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldMessage(field, "typeMismatch"));
			return null;
		}
	}

	/**
	 * A decimal number (a coordinate), or null when left blank; infinities and NaN are
	 * not numbers here.
	 */
	public static Double decimal(String value, String field, List<FieldMessage> problems) {
		if (blank(value)) {
			return null;
		}
		try {
			double number = Double.parseDouble(value.strip());
			if (Double.isFinite(number) && value.strip().matches("[-+]?[0-9]{1,3}(\\.[0-9]{1,12})?")) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		problems.add(new FieldMessage(field, "typeMismatch"));
		return null;
	}

	/**
	 * A checkbox: ticked when it sent {@code true} or {@code on}.
	 */
	public static boolean checked(String value) {
		return "true".equals(value) || "on".equals(value);
	}

	public static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public static String blankToNull(String value) {
		return blank(value) ? null : value.strip();
	}

}
