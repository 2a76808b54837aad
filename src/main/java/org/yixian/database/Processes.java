package org.yixian.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class Processes {

	private static final boolean ROOT = detectRoot();

	private Processes() {
	}

	static boolean runningAsRoot() {
		return ROOT;
	}

	private static boolean detectRoot() {
		try {
			Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
			return Integer.valueOf(0).equals(uid);
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

}
