package org.yixian.integrity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.yixian.shared.ContentWords;

/**
 * Whether a reply answers its question: long enough, and mentioning enough of the
 * question's key terms (the content words of its title, or of its first sentence when the
 * title has fewer than two; smartcn via {@link ContentWords}, with words every complaint
 * uses left out). Says which key terms the reply missed.
 */
final class ReplyCheck {

	/** Words of every request that say nothing about this one. */
	static final Set<String> GENERIC = Set.of("尽快", "处理", "反映", "市民", "请求", "要求", "解决", "投诉", "举报", "咨询", "严重", "影响",
			"部门", "相关部门", "有关部门");

	static final int MAX_TERMS = 8;

	private ReplyCheck() {
	}

	static List<String> keyTerms(String title, String content) {
		Set<String> terms = new LinkedHashSet<>(significant(title));
		if (terms.size() < 2 && content != null) {
			String first = content.split("[。！？!?\\n]", 2)[0];
			terms.addAll(significant(first));
		}
		return terms.stream().limit(MAX_TERMS).toList();
	}

	private static List<String> significant(String text) {
		return ContentWords.of(text).stream().filter((w) -> !GENERIC.contains(w)).toList();
	}

	static Assessment assess(String title, String content, String reply, int minChars, double minCoverage) {
		String text = (reply != null) ? reply : "";
		int length = (int) text.codePoints().filter(Character::isLetterOrDigit).count();
		List<String> terms = keyTerms(title, content);
		List<String> covered = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String term : terms) {
			(text.contains(term) ? covered : missing).add(term);
		}
		boolean tooShort = length < minChars;
		boolean missesTerms = !terms.isEmpty() && covered.size() < minCoverage * terms.size();
		return new Assessment(length, terms, covered, missing, tooShort, missesTerms);
	}

	/**
	 * What the check found.
	 */
	record Assessment(int length, List<String> keyTerms, List<String> covered, List<String> missing, boolean tooShort,
			boolean missesTerms) {

		boolean weak() {
			return this.tooShort || this.missesTerms;
		}

	}

}
