package org.yixian.integrity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the detectors ({@code yixian.integrity.*}).
 *
 * @param minReturns returns (退单) that make a case bounced
 * @param minReplyChars a reply shorter than this (letters and digits) is too short
 * @param minKeyTermCoverage the share of the question's key terms a reply must mention
 * @param backdatedAfter an entry recorded this much later than its claimed time is
 * flagged
 * @param visitWindow the period the visit patterns look back over
 * @param phoneCases cases whose return visits one phone number answered
 * @param satisfiedVisits visits a unit needs for its 100% satisfaction to count
 * @param satisfiedRepeats cases of such a unit whose caller came back with another case
 * @param burstVisits visits one person recorded within {@code burstMinutes}
 * @param burstMinutes the length of a burst
 * @param scanInterval how often the aggregate scan runs
 */
@ConfigurationProperties("yixian.integrity")
public record IntegritySettings(@DefaultValue("2") int minReturns, @DefaultValue("15") int minReplyChars,
		@DefaultValue("0.2") double minKeyTermCoverage, @DefaultValue("PT30M") Duration backdatedAfter,
		@DefaultValue("P30D") Duration visitWindow, @DefaultValue("5") int phoneCases,
		@DefaultValue("10") int satisfiedVisits, @DefaultValue("3") int satisfiedRepeats,
		@DefaultValue("8") int burstVisits, @DefaultValue("10") int burstMinutes,
		@DefaultValue("PT1H") Duration scanInterval) {
}
