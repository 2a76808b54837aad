package org.yixian.petition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.yixian.casework.CaseQueries.CaseBrief;
import org.yixian.casework.CaseStatus;

/**
 * Which earlier petition a new one repeats: the same person (the core finds those by ID
 * number, else phone), the same category, and near-identical content — a Dice coefficient
 * of at least {@value #THRESHOLD} over the character bigrams of title and content, which
 * survives reordered sentences and small edits.
 */
final class PetitionRepeats {

	static final double THRESHOLD = 0.6;

	private PetitionRepeats() {
	}

	static Optional<CaseBrief> earlier(Long categoryId, String title, String content, List<CaseBrief> candidates) {
		Map<String, Integer> text = bigrams(title + "\n" + content);
		CaseBrief best = null;
		double bestScore = 0;
		for (CaseBrief candidate : candidates) {
			if (!Objects.equals(candidate.categoryId(), categoryId) || candidate.status() == CaseStatus.MERGED
					|| candidate.status() == CaseStatus.NOT_ACCEPTED) {
				continue;
			}
			double score = dice(text, bigrams(candidate.title() + "\n" + candidate.content()));
			if (score >= THRESHOLD && score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return Optional.ofNullable(best);
	}

	static double dice(Map<String, Integer> a, Map<String, Integer> b) {
		int total = 0;
		int shared = 0;
		for (int count : a.values()) {
			total += count;
		}
		for (int count : b.values()) {
			total += count;
		}
		for (Map.Entry<String, Integer> entry : a.entrySet()) {
			shared += Math.min(entry.getValue(), b.getOrDefault(entry.getKey(), 0));
		}
		return (total == 0) ? 0 : 2.0 * shared / total;
	}

	static Map<String, Integer> bigrams(String text) {
		StringBuilder letters = new StringBuilder();
		text.codePoints()
			.filter(Character::isLetterOrDigit)
			.forEach((c) -> letters.appendCodePoint(Character.toLowerCase(c)));
		Map<String, Integer> grams = new HashMap<>();
		String clean = letters.toString();
		for (int i = 0; i + 2 <= clean.length(); i++) {
			grams.merge(clean.substring(i, i + 2), 1, Integer::sum);
		}
		return grams;
	}

}
