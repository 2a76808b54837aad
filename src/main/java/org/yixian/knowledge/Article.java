package org.yixian.knowledge;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * An article as readers see it, with the names of its category, units and last editor
 * ({@code updatedByName}: display name and unit, null for the system), how often it
 * answered a call, whether it reaches operators today ({@code current}) and whether the
 * reader may edit it.
 */
public record Article(long id, String title, String keywords, String answer, String categoryCode, String categoryName,
		String responsibleUnitCode, String responsibleUnitName, String ownerUnitCode, String ownerUnitName,
		LocalDate validFrom, LocalDate validUntil, ArticleStatus status, int version, String updatedBy,
		String updatedByName, OffsetDateTime updatedAt, long usageCount, boolean current, boolean editable) {

	/**
	 * The answer's paragraphs (split at line breaks, blank lines dropped), for pages that
	 * show plain text as paragraphs.
	 */
	public List<String> paragraphs() {
		return Arrays.stream(this.answer.split("\\R")).map(String::strip).filter((p) -> !p.isEmpty()).toList();
	}

	/**
	 * The first words of the answer, for lists and hints.
	 */
	public String excerpt(int length) {
		String flat = this.answer.replaceAll("\\s+", " ").strip();
		return (flat.codePointCount(0, flat.length()) <= length) ? flat
				: flat.substring(0, flat.offsetByCodePoints(0, length)) + "…";
	}

}
