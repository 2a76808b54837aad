package org.yixian.insight;

import java.util.List;

/**
 * A category the model suggests for a text, with its confidence (0 to 1) and the words
 * that drove it.
 */
public record CategorySuggestion(String categoryCode, String categoryName, double confidence, List<String> terms) {

	/**
	 * The answer of {@code POST /api/v1/insight/suggest-category}: best first; empty
	 * while no model has been trained.
	 */
	public record Suggestions(List<CategorySuggestion> suggestions, Long modelId) {
	}

}
