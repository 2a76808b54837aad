package org.yixian.insight;

import java.text.Normalizer;

/**
 * Puts text into one form before analysis: full-width letters and digits become ASCII
 * (NFKC), Latin letters lower case, and every kind of space (U+3000, U+00A0, tabs, line
 * ends of scraped text) one plain space.
 */
final class TextNormalizer {

	private TextNormalizer() {
	}

	static String normalize(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(folded.length());
		boolean space = false;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = true;
				continue;
			}
			if (space && out.length() > 0) {
				out.append(' ');
			}
			space = false;
			out.append(Character.toLowerCase(c));
		}
		return out.toString();
	}

	/**
	 * Whether a character carries meaning in a term: a CJK ideograph, a letter or a
	 * digit.
	 */
	static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

}
