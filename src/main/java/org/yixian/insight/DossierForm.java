package org.yixian.insight;

import java.time.LocalDate;

import org.yixian.shared.InvalidInputException;

/**
 * A dossier as an analyst writes it.
 */
record DossierForm(String title, String rootCause, String lessons, LocalDate measuresFrom) {

	void check() {
		if (this.title == null || this.title.isBlank()) {
			throw new InvalidInputException("title", "NotBlank");
		}
		if (this.title.strip().length() > 100) {
			throw new InvalidInputException("title", "Max", 0, 100);
		}
		if (this.rootCause != null && this.rootCause.length() > 4000) {
			throw new InvalidInputException("rootCause", "Max", 0, 4000);
		}
		if (this.lessons != null && this.lessons.length() > 4000) {
			throw new InvalidInputException("lessons", "Max", 0, 4000);
		}
	}

}
