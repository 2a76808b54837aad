package org.yixian.audit;

/**
 * The outcome of re-computing the whole hash chain.
 *
 * @param intact whether every row's hash matched
 * @param checked how many rows were checked
 * @param firstBrokenId the first row whose content or link does not match, or null
 * @param what {@code LINK} when that row's stored predecessor hash is not the previous
 * row's hash, {@code CONTENT} when its content no longer hashes to its stored hash
 * @param expected the hash the chain expected there
 * @param found the hash stored there
 */
public record ChainCheck(boolean intact, long checked, Long firstBrokenId, String what, String expected, String found) {
}
