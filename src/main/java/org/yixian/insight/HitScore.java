package org.yixian.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;

/**
 * How a candidate compares with the probe: text similarity counts most (0.55), the same
 * caller next (0.2), then the same place (0.1 for the same address or area, 0.05 for the
 * same street), the same category (0.1, or 0.05 for the same parent category) and
 * nearness in time (0.05, fading over 90 days). A reason is named for each fact that
 * holds.
 */
final class HitScore {

	static final double TEXT_REASON = 0.3;

	static final double KEEP = 0.2;

	private HitScore() {
	}

	static SimilarCase score(Probe probe, Document hit, double text) {
		List<SimilarCase.Reason> reasons = new ArrayList<>();
		double score = 0.55 * text;
		if (text >= TEXT_REASON) {
			reasons.add(SimilarCase.Reason.SIMILAR_TEXT);
		}
		if (probe.callerHash() != null && probe.callerHash().equals(hit.get(CaseDocument.CALLER))) {
			score += 0.2;
			reasons.add(SimilarCase.Reason.SAME_CALLER);
		}
		String place = hit.get(CaseDocument.PLACE);
		boolean sameAddress = probe.addressKey() != null && probe.addressKey().equals(hit.get(CaseDocument.ADDRESS));
		if (sameAddress || (place != null && place.equals(probe.place()))) {
			score += 0.1;
			reasons.add(SimilarCase.Reason.SAME_PLACE);
		}
		else if (probe.placeParent() != null && (probe.placeParent().equals(place)
				|| List.of(hit.getValues(CaseDocument.PLACE_UP)).contains(probe.placeParent()))) {
			score += 0.05;
		}
		String category = hit.get(CaseDocument.CATEGORY);
		if (probe.category() != null && probe.category().equals(category)) {
			score += 0.1;
			reasons.add(SimilarCase.Reason.SAME_CATEGORY);
		}
		else if (probe.categoryParent() != null && category != null && (probe.categoryParent().equals(category)
				|| probe.categoryParent().equals(hit.get(CaseDocument.CATEGORY_PARENT)))) {
			score += 0.05;
		}
		Number received = hit.getField(CaseDocument.RECEIVED).numericValue();
		if (probe.receivedAt() != null && received != null) {
			long days = Math
				.abs(Duration.ofSeconds(received.longValue() - CaseDocument.epochSeconds(probe.receivedAt())).toDays());
			score += 0.05 * Math.max(0, 1 - days / 90.0);
			if (days <= 30) {
				reasons.add(SimilarCase.Reason.RECENT);
			}
		}
		return new SimilarCase(hit.getField(CaseDocument.ID).numericValue().longValue(), hit.get(CaseDocument.NUMBER),
				hit.get(CaseDocument.TITLE), hit.get(CaseDocument.STATUS), round(score), round(text),
				List.copyOf(reasons));
	}

	/**
	 * Worth showing: similar enough overall, or the same caller, or similar text.
	 */
	static boolean worthShowing(SimilarCase hit) {
		return hit.score() >= KEEP || hit.reasons().contains(SimilarCase.Reason.SAME_CALLER)
				|| hit.reasons().contains(SimilarCase.Reason.SIMILAR_TEXT);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
