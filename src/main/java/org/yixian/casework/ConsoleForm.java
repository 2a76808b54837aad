package org.yixian.casework;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * The operator console's form: every field as the operator typed it, so that a wrong
 * value never loses the call; {@link #toCommand} turns it into the intake's command or
 * names each field that cannot be read.
 */
record ConsoleForm(String kind, String type, String channel, String title, String content, String categoryCode,
		String areaUnitCode, String address, String receivedAt, Caller complainant, String answer) {

	ConsoleForm {
		if (complainant == null) {
			complainant = new Caller("", "", "");
		}
	}

	static ConsoleForm empty() {
		return new ConsoleForm(CaseKind.DEMAND.name(), DemandType.COMPLAINT.name(), Channel.PHONE.name(), "", "", "",
				"", "", "", new Caller("", "", ""), "");
	}

	NewCase toCommand(ZoneId zone) {
		List<FieldMessage> problems = new ArrayList<>();
		DemandType demandType = parse(DemandType.class, this.type, "type", problems);
		Channel via = parse(Channel.class, this.channel, "channel", problems);
		if (this.kind != null && !this.kind.isBlank() && !CaseKind.DEMAND.name().equals(this.kind.strip())) {
			problems.add(new FieldMessage("kind", "typeMismatch"));
		}
		String confidential = this.complainant.confidential();
		if (confidential != null && !confidential.isBlank() && !"true".equals(confidential)
				&& !"on".equals(confidential) && !"false".equals(confidential)) {
			problems.add(new FieldMessage("complainant.confidential", "typeMismatch"));
		}
		OffsetDateTime received = null;
		if (!blank(this.receivedAt)) {
			try {
				received = LocalDateTime.parse(this.receivedAt.strip()).atZone(zone).toOffsetDateTime();
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldMessage("receivedAt", "typeMismatch"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new NewCase(CaseKind.DEMAND, demandType, via, this.title, this.content, blankToNull(this.categoryCode),
				this.areaUnitCode, this.address, null, null, received,
				new NewCase.Complainant(this.complainant.name(), blankToNull(this.complainant.phone()), null,
						"true".equals(confidential) || "on".equals(confidential)),
				null, null, blankToNull(this.answer));
	}

	/**
	 * The caller as the console takes them.
	 */
	record Caller(String name, String phone, String confidential) {
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

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return blank(value) ? null : value.strip();
	}

}
