package org.yixian.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action now and again when the surrounding transaction ends: what in-memory
 * snapshots need when they must not keep a state that another thread read before the
 * change committed.
 */
public final class AfterTransaction {

	private AfterTransaction() {
	}

	public static void nowAndAtEnd(Runnable action) {
		action.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					action.run();
				}
			});
		}
	}

}
