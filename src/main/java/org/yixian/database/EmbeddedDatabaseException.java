package org.yixian.database;

import org.yixian.shared.StartupRefusedException;

/**
 * The embedded database cannot start; the message says why in words an operator can act
 * on.
 */
public class EmbeddedDatabaseException extends StartupRefusedException {

	EmbeddedDatabaseException(String message, Throwable cause) {
		super(message, "检查数据目录与上面的原因后重新启动；或用 --yixian.data-dir 指定另一个目录。"
				+ " / Check the data directory and the reason above, then start again, or choose another --yixian.data-dir.",
				cause);
	}

}
