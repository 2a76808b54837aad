package org.yixian.audit;

/**
 * The outcome of re-computing the whole hash chain.
 *
 * @param intact whether every row's hash matched
 * @param checked how many rows were checked
 * @param firstBrokenId the first row whose content or link does not match, or null
 */
public record ChainCheck(boolean intact, long checked, Long firstBrokenId) {
}
