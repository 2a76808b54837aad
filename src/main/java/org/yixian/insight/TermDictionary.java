package org.yixian.insight;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The installation's own words (unit, place and category names, and terms that
 * administrators add) as a character trie: the segmenter keeps each of them whole, where
 * the general dictionary would cut "和平里社区" into pieces.
 */
final class TermDictionary {

	static final TermDictionary EMPTY = new TermDictionary(java.util.List.of());

	static final int MAX_LENGTH = 24;

	private final Node root = new Node();

	private final int size;

	TermDictionary(Collection<String> terms) {
		int count = 0;
		for (String term : terms) {
			String normal = TextNormalizer.normalize(term);
			if (normal.length() < 2 || normal.length() > MAX_LENGTH) {
				continue;
			}
			Node node = this.root;
			for (int i = 0; i < normal.length(); i++) {
				node = node.children.computeIfAbsent(normal.charAt(i), (c) -> new Node());
			}
			if (!node.terminal) {
				node.terminal = true;
				count++;
			}
		}
		this.size = count;
	}

	int size() {
		return this.size;
	}

	/**
	 * The length of the longest term that starts at {@code from}, or 0.
	 */
	int longestMatch(String text, int from) {
		Node node = this.root;
		int longest = 0;
		for (int i = from; i < text.length() && i - from < MAX_LENGTH; i++) {
			node = node.children.get(text.charAt(i));
			if (node == null) {
				break;
			}
			if (node.terminal) {
				longest = i - from + 1;
			}
		}
		return longest;
	}

	private static final class Node {

		final Map<Character, Node> children = new HashMap<>(4);

		boolean terminal;

	}

}
