package org.yixian.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive operating-system lock on {@code <data-dir>/yixian.lock}, held for as long
 * as an instance runs: a second instance on the same folder is refused before it touches
 * the database, and the lock vanishes with the process however it ends, so a crash leaves
 * nothing stale behind.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path dataDir) throws IOException {
		Path file = dataDir.resolve("yixian.lock");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.READ);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
			channel.close();
			throw new EmbeddedDatabaseException("数据目录 " + dataDir.toAbsolutePath() + " 已被另一个 Yixian 实例使用"
					+ (holder.isEmpty() ? "" : "（进程 " + holder + "）")
					+ "。请先停止它，或用 --yixian.data-dir 指定另一个目录。 / The data directory is in use by another"
					+ " Yixian instance" + (holder.isEmpty() ? "" : " (process " + holder + ")")
					+ ": stop it first or choose another --yixian.data-dir.", null);
		}
		channel.truncate(0);
		channel.write(StandardCharsets.UTF_8.encode(Long.toString(ProcessHandle.current().pid())), 0);
		channel.force(true);
		return new DataDirectoryLock(channel, lock);
	}

	@Override
	public void close() {
		try {
			if (this.lock.isValid()) {
				this.lock.release();
			}
			this.channel.close();
		}
		catch (IOException ex) {
			// the process is going away: the operating system releases the lock anyway
		}
	}

}
