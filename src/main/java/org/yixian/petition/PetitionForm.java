package org.yixian.petition;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.yixian.casework.CaseKind;
import org.yixian.casework.Channel;
import org.yixian.casework.NewCase;
import org.yixian.casework.PetitionClass;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.FormValues;
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
		PetitionClass kind = FormValues.choice(PetitionClass.class, this.petitionClass, "petitionClass", problems);
		Channel via = FormValues.choice(Channel.class, this.channel, "channel", problems);
		OffsetDateTime received = FormValues.localDateTime(this.receivedAt, zone, "receivedAt", problems);
		Integer visitors = null;
		if (!FormValues.blank(this.visitorCount)) {
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
		return new NewCase(CaseKind.PETITION, null, via, this.title, this.content,
				FormValues.blankToNull(this.categoryCode), this.areaUnitCode, this.address, null, null, received,
				new NewCase.Complainant(this.name, FormValues.blankToNull(this.phone),
						FormValues.blankToNull(this.idNumber), FormValues.checked(this.confidential)),
				kind, FormValues.blankToNull(this.accusedUnitCode), null, visitors, rows,
				FormValues.checked(this.urgent));
	}

	/**
	 * A representative's row of the form.
	 */
	record RepresentativeRow(String name, String phone, String idNumber) {

		static final RepresentativeRow EMPTY = new RepresentativeRow("", "", "");

	}

}
