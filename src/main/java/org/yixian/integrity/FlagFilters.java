package org.yixian.integrity;

import java.util.ArrayList;
import java.util.List;

import org.yixian.shared.FieldMessage;
import org.yixian.shared.FormValues;

/**
 * The flag list's filters as typed (kind, unit, status), read into a query; a wrong value
 * is a field error naming the filter.
 */
record FlagFilters(String kind, String unit, String status) {

	Flags.FlagQuery query(List<FieldMessage> problems) {
		FlagKind k = FormValues.blank(this.kind) ? null
				: FormValues.choice(FlagKind.class, this.kind, "kind", problems);
		FlagStatus s = FormValues.blank(this.status) ? null
				: FormValues.choice(FlagStatus.class, this.status, "status", problems);
		return new Flags.FlagQuery(k, FormValues.blankToNull(this.unit), s);
	}

	/**
	 * A review as typed: the decision (CONFIRMED or DISMISSED) and the note.
	 */
	record Review(String decision, String note) {

		FlagStatus decision(List<FieldMessage> problems) {
			FlagStatus d = FormValues.choice(FlagStatus.class, this.decision, "decision", problems);
			if (d == FlagStatus.OPEN) {
				problems.add(new FieldMessage("decision", "typeMismatch"));
				return null;
			}
			if (FormValues.blank(this.note)) {
				problems.add(new FieldMessage("note", "NotBlank"));
			}
			else if (this.note.length() > 2000) {
				problems.add(new FieldMessage("note", "Size"));
			}
			return d;
		}

	}

	static List<FieldMessage> problems() {
		return new ArrayList<>();
	}

}
