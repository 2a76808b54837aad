package org.yixian.shared;

/**
 * A change that another node (or this one) announced through {@link ClusterSignals}, for
 * the caches that must forget what it changed. {@code RESYNC} tells them that signals may
 * have been missed (the listening connection was lost) and that they should forget
 * everything; its key is empty when a node starts listening and, after a lost connection,
 * the time (epoch milliseconds) signals were last known to arrive.
 *
 * @param topic what kind of thing changed ({@code token}, {@code account}, …)
 * @param key which one
 * @param local whether this node sent it
 */
public record ClusterSignal(String topic, String key, boolean local) {

	public static final String RESYNC = "*";

	public boolean resync() {
		return RESYNC.equals(this.topic);
	}

	/**
	 * Whether caches of {@code topic} must drop {@code key} (or everything, on a resync).
	 */
	public boolean concerns(String topic) {
		return resync() || this.topic.equals(topic);
	}

}
