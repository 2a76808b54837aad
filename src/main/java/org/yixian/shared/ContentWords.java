package org.yixian.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The content words of a Chinese text: segmented by Lucene's smartcn (a hidden Markov
 * model over a Chinese dictionary), with stop words, single characters and bare numbers
 * dropped, in the order they first occur. For modules that need plain word lists (survey
 * answers, replies checked against questions); insight keeps its own richer analysis.
 */
public final class ContentWords {

	/** Function words and fillers that say nothing about what people ask for. */
	public static final Set<String> STOP_WORDS = Set.of("我们", "你们", "他们", "她们", "它们", "自己", "这个", "那个", "这些", "那些",
			"这样", "那样", "什么", "怎么", "为什么", "如何", "可以", "能够", "已经", "还是", "或者", "而且", "但是", "因为", "所以", "如果", "虽然", "就是",
			"不是", "没有", "一个", "一些", "一下", "一直", "非常", "比较", "特别", "希望", "建议", "觉得", "认为", "感觉", "问题", "情况", "方面", "进行",
			"有关", "相关", "目前", "现在", "以后", "时候", "地方", "东西", "还有", "以及", "然后", "之后", "以前", "应该", "需要", "能否", "是否", "不能",
			"不会", "the", "and", "for", "with");

	private static final Analyzer ANALYZER = new SmartChineseAnalyzer();

	private ContentWords() {
	}

	/**
	 * The distinct content words of one text, in order of first occurrence.
	 */
	public static Set<String> of(String text) {
		Set<String> words = new LinkedHashSet<>();
		if (text == null || text.isBlank()) {
			return words;
		}
		try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String word = term.toString();
				if (word.codePointCount(0, word.length()) >= 2 && !STOP_WORDS.contains(word)
						&& !word.chars().allMatch(Character::isDigit)) {
					words.add(word);
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

}
