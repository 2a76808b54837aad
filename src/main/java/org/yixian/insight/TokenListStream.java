package org.yixian.insight;

import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Terms that our own analysis produced ({@link Segmenter}, {@link Grams}), handed to
 * Lucene as they are: the index and the queries then see exactly the same terms.
 */
final class TokenListStream extends TokenStream {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final List<String> tokens;

	private int next;

	TokenListStream(List<String> tokens) {
		this.tokens = tokens;
	}

	@Override
	public boolean incrementToken() {
		if (this.next >= this.tokens.size()) {
			return false;
		}
		clearAttributes();
		this.term.setEmpty().append(this.tokens.get(this.next++));
		return true;
	}

	@Override
	public void reset() {
		this.next = 0;
	}

}
