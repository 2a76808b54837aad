package org.yixian.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;

/**
 * Cuts Chinese text into words: the installation's own terms ({@link TermDictionary}) are
 * kept whole by longest match, and the text between them goes to Lucene's smartcn (hidden
 * Markov model over its general dictionary). Stop words, punctuation and bare numbers are
 * dropped. Offsets refer to the normalised text ({@link TextNormalizer#normalize}).
 * Thread-safe.
 */
final class Segmenter {

	private static final HHMMSegmenter SMARTCN = new HHMMSegmenter();

	private static final int SENTENCE_BEGIN = 0;

	private static final int SENTENCE_END = 1;

	private final TermDictionary dictionary;

	Segmenter(TermDictionary dictionary) {
		this.dictionary = dictionary;
	}

	TermDictionary dictionary() {
		return this.dictionary;
	}

	/**
	 * The words of a text, normalising it first.
	 */
	List<Word> words(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<Word> known = this.recent.get(text);
		if (known != null) {
			return known;
		}
		List<Word> words = List.copyOf(wordsOfNormal(TextNormalizer.normalize(text)));
		if (this.recentChars.addAndGet(text.length()) > RECENT_CHARS) {
			this.recent.clear();
			this.recentChars.set(text.length());
		}
		this.recent.put(text, words);
		return words;
	}

	/**
	 * How much text (in characters) is kept with its words: a case's title and content
	 * are cut for its index document and again, moments later, for its problem class (and
	 * again at each action that indexes the case anew); smartcn's model was a tenth of an
	 * intake's CPU. About 2,000 cases of average length, some tens of MB at most; when
	 * full it starts afresh. A new dictionary makes a new segmenter, so kept words never
	 * outlive the terms they were cut with.
	 */
	static final long RECENT_CHARS = 1_000_000;

	private final Map<String, List<Word>> recent = new ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicLong recentChars = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * The words of text already normalised.
	 */
	List<Word> wordsOfNormal(String normal) {
		List<Word> words = new ArrayList<>();
		int i = 0;
		int n = normal.length();
		while (i < n) {
			while (i < n && !TextNormalizer.isWordChar(normal.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < n && TextNormalizer.isWordChar(normal.charAt(i))) {
				i++;
			}
			if (i > start) {
				run(normal, start, i, words);
			}
		}
		return words;
	}

	/**
	 * One run of word characters: dictionary terms whole, the gaps through smartcn.
	 */
	private void run(String text, int start, int end, List<Word> out) {
		int gap = start;
		int i = start;
		while (i < end) {
			int match = (this.dictionary.size() > 0) ? this.dictionary.longestMatch(text, i) : 0;
			if (match > 0 && i + match <= end) {
				smartcn(text, gap, i, out);
				add(out, text.substring(i, i + match), i, true);
				i += match;
				gap = i;
			}
			else {
				i++;
			}
		}
		smartcn(text, gap, end, out);
	}

	private static void smartcn(String text, int start, int end, List<Word> out) {
		if (start >= end) {
			return;
		}
		String sentence = text.substring(start, end);
		for (SegToken token : SMARTCN.process(sentence)) {
			if (token.wordType == SENTENCE_BEGIN || token.wordType == SENTENCE_END) {
				continue;
			}
			add(out, sentence.substring(token.startOffset, token.endOffset), start + token.startOffset, false);
		}
	}

	private static void add(List<Word> out, String word, int offset, boolean fromDictionary) {
		if (word.isEmpty() || StopWords.contains(word) || isNumber(word)) {
			return;
		}
		out.add(new Word(word, offset, offset + word.length(), fromDictionary));
	}

	private static boolean isNumber(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (!(Character.isDigit(c) || c == '.')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A word and where it stands in the normalised text.
	 */
	record Word(String text, int start, int end, boolean fromDictionary) {
	}

}
