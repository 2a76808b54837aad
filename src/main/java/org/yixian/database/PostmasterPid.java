package org.yixian.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The first line of {@code postmaster.pid}: which process last served a data directory.
 */
record PostmasterPid(long pid) {

	static PostmasterPid read(Path pgData) throws IOException {
		Path file = pgData.resolve("postmaster.pid");
		if (!Files.exists(file)) {
			return null;
		}
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return new PostmasterPid(-1);
		}
		try {
			return new PostmasterPid(Long.parseLong(lines.get(0).strip()));
		}
		catch (NumberFormatException ex) {
			return new PostmasterPid(-1);
		}
	}

	boolean isAlivePostgres() {
		Optional<ProcessHandle> handle = ProcessHandle.of(this.pid);
		if (handle.isEmpty() || !handle.get().isAlive()) {
			return false;
		}
		Optional<String> command = handle.get().info().command();
		if (command.isPresent()) {
			return command.get().endsWith("postgres");
		}
		try {
			String cmdline = Files.readString(Path.of("/proc", Long.toString(this.pid), "cmdline"));
			return cmdline.contains("postgres");
		}
		catch (IOException ex) {
			return false;
		}
	}

	void signal(String signal) throws IOException {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(this.pid)).inheritIO().start().waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	boolean awaitExit(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!isAlivePostgres()) {
				return true;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return !isAlivePostgres();
	}

}
