package org.yixian.insight;

import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping character bigrams of Chinese text (Latin words and numbers stay whole):
 * they match when segmentation differs, when words are swapped for near synonyms that
 * share a character, and when text is cut short or reordered.
 */
final class Grams {

	private Grams() {
	}

	/**
	 * A maximal run of Chinese characters, or of Latin letters and digits, in normalised
	 * text.
	 */
	record Run(String text, boolean han) {
	}

	/**
	 * The runs of normalised text, in order; everything else (spaces, punctuation) only
	 * separates them.
	 */
	static List<Run> runs(String normal) {
		List<Run> runs = new ArrayList<>();
		int i = 0;
		int n = normal.length();
		while (i < n) {
			char c = normal.charAt(i);
			boolean han = TextNormalizer.isHan(c);
			if (!han && !latin(c)) {
				i++;
				continue;
			}
			int start = i;
			while (i < n && (han ? TextNormalizer.isHan(normal.charAt(i)) : latin(normal.charAt(i)))) {
				i++;
			}
			runs.add(new Run(normal.substring(start, i), han));
		}
		return runs;
	}

	/**
	 * The overlapping pieces of a run of this many characters (none for a shorter run).
	 */
	static List<String> pieces(String run, int size) {
		List<String> pieces = new ArrayList<>();
		for (int k = 0; k + size <= run.length(); k++) {
			pieces.add(run.substring(k, k + size));
		}
		return pieces;
	}

	/**
	 * Overlapping three-character pieces of every run of Latin letters and digits of
	 * three or more (a number plate, a building's number, a phone number's part): what
	 * lets the lists' text filter find such a text inside a longer run.
	 */
	static List<String> latinTrigrams(String text) {
		List<String> grams = new ArrayList<>();
		for (Run run : runs(TextNormalizer.normalize(text))) {
			if (!run.han()) {
				grams.addAll(pieces(run.text(), 3));
			}
		}
		return grams;
	}

	static boolean latin(char c) {
		return TextNormalizer.isWordChar(c) && !TextNormalizer.isHan(c);
	}

	static List<String> bigrams(String text) {
		List<String> grams = new ArrayList<>();
		for (Run run : runs(TextNormalizer.normalize(text))) {
			if (!run.han() || run.text().length() == 1) {
				grams.add(run.text());
			}
			if (run.han()) {
				grams.addAll(pieces(run.text(), 2));
			}
		}
		return grams;
	}

}
