package org.yixian.knowledge;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.yixian.shared.ContentWords;

/**
 * Chinese text as the words PostgreSQL's full-text search compares: Lucene smartcn cuts
 * the text ({@link ContentWords}) and the words go to the {@code simple} configuration
 * separated by spaces, so PostgreSQL needs no Chinese parser of its own. The same cut on
 * both sides — articles when saved, questions when searched — makes them meet.
 */
final class SearchWords {

	private SearchWords() {
	}

	/**
	 * The words of a text, space separated, for {@code to_tsvector('simple', ?)}.
	 */
	static String document(String text) {
		return String.join(" ", words(text));
	}

	/**
	 * A query matching any of the text's words, for {@code to_tsquery('simple', ?)}; null
	 * when the text has no content words.
	 */
	static String anyOf(String text) {
		List<String> words = words(text);
		return words.isEmpty() ? null : words.stream().map((w) -> "'" + w + "'").collect(Collectors.joining(" | "));
	}

	/**
	 * Content words with anything but letters and digits removed (a quote could never
	 * reach the query syntax).
	 */
	static List<String> words(String text) {
		Set<String> words = ContentWords.of(text);
		return words.stream()
			.map((w) -> w.replaceAll("[^\\p{L}\\p{N}]", ""))
			.filter((w) -> !w.isEmpty())
			.distinct()
			.limit(64)
			.toList();
	}

}
