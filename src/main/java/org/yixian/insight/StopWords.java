package org.yixian.insight;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Words that say nothing about the matter: function words, pronouns, and the politeness
 * of letters to officials (尊敬的领导、您好、希望、谢谢). Read once from {@code stopwords.txt} next to
 * this class.
 */
final class StopWords {

	private static final Set<String> WORDS = load();

	private StopWords() {
	}

	static boolean contains(String word) {
		return WORDS.contains(word);
	}

	static Set<String> all() {
		return Set.copyOf(WORDS);
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (InputStream in = StopWords.class.getResourceAsStream("stopwords.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

}
