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
	 * Overlapping three-character pieces of every run of Latin letters and digits of
	 * three or more (a number plate, a building's number, a phone number's part): what
	 * lets the lists' text filter find such a text inside a longer run.
	 */
	static List<String> latinTrigrams(String text) {
		String normal = TextNormalizer.normalize(text);
		List<String> grams = new ArrayList<>();
		int i = 0;
		int n = normal.length();
		while (i < n) {
			if (!latin(normal.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < n && latin(normal.charAt(i))) {
				i++;
			}
			for (int k = start; k + 3 <= i; k++) {
				grams.add(normal.substring(k, k + 3));
			}
		}
		return grams;
	}

	static boolean latin(char c) {
		return TextNormalizer.isWordChar(c) && !TextNormalizer.isHan(c);
	}

	static List<String> bigrams(String text) {
		String normal = TextNormalizer.normalize(text);
		List<String> grams = new ArrayList<>();
		int i = 0;
		int n = normal.length();
		while (i < n) {
			char c = normal.charAt(i);
			if (!TextNormalizer.isWordChar(c)) {
				i++;
				continue;
			}
			if (!TextNormalizer.isHan(c)) {
				int start = i;
				while (i < n && TextNormalizer.isWordChar(normal.charAt(i))
						&& !TextNormalizer.isHan(normal.charAt(i))) {
					i++;
				}
				grams.add(normal.substring(start, i));
				continue;
			}
			int start = i;
			while (i < n && TextNormalizer.isHan(normal.charAt(i))) {
				i++;
			}
			if (i - start == 1) {
				grams.add(normal.substring(start, i));
			}
			for (int k = start; k + 2 <= i; k++) {
				grams.add(normal.substring(k, k + 2));
			}
		}
		return grams;
	}

}
