package org.yixian.database;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.yixian.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes under write load, for real: the packaged application runs as its own process
 * while a client registers cases with an {@code Idempotency-Key} and retries until each
 * is acknowledged; the application is killed with {@code kill -9} and started again, and
 * separately its PostgreSQL is killed and the supervisor restarts it. Afterwards every
 * acknowledged case is there exactly once. Rounds: {@code -Dcrash.rounds=N} (each kind; 2
 * by default so that CI stays fast; the issue's 20 with {@code -Dcrash.rounds=20}).
 */
class CrashIT {

	static final String PASSWORD = "Cr4sh-Test!";

	@TempDir
	Path dataDir;

	private Process app;

	private int port;

	@Test
	void acknowledged_writes_survive_kill_9_of_the_application_and_of_postgresql_exactly_once() throws Exception {
		int rounds = Integer.getInteger("crash.rounds", 2);
		this.port = freePort();
		start();
		Map<String, String> acknowledged = new LinkedHashMap<>();
		int next = 0;
		for (int round = 0; round < rounds * 2; round++) {
			boolean killApp = round % 2 == 0;
			AtomicBoolean stop = new AtomicBoolean();
			List<String> pending = new ArrayList<>();
			Thread load = new Thread(() -> {
				int n = 0;
				while (!stop.get()) {
					pending.add(UUID.randomUUID().toString());
					n++;
					if (n > 2000) {
						break;
					}
					write(pending.get(pending.size() - 1), acknowledged);
				}
			});
			load.start();
			Thread.sleep(1500);
			if (killApp) {
				this.app.destroyForcibly().waitFor();
				stop.set(true);
				load.join();
				start();
			}
			else {
				long postmaster = Long
					.parseLong(Files.readAllLines(this.dataDir.resolve("pg/postmaster.pid")).get(0).strip());
				ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
				Thread.sleep(3000);
				stop.set(true);
				load.join();
			}
			for (String key : pending) {
				for (int attempt = 0; attempt < 60 && !acknowledged.containsKey(key); attempt++) {
					if (!write(key, acknowledged)) {
						Thread.sleep(500);
					}
				}
				assertThat(acknowledged).as("the retried write " + key + " is acknowledged").containsKey(key);
			}
			next += pending.size();
		}
		Api admin = Api.basic(this.port, "admin", PASSWORD);
		for (Map.Entry<String, String> write : acknowledged.entrySet()) {
			String title = "崩溃测试#" + write.getKey() + "#";
			assertThat(admin.get("/api/v1/cases?q=" + java.net.URLEncoder.encode(title, "UTF-8"))
				.json()
				.path("total")
				.asInt()).as(title).isEqualTo(1);
		}
		System.out.println("CrashIT: " + rounds + " application kills and " + rounds + " PostgreSQL kills, "
				+ acknowledged.size() + " acknowledged writes, all present once (" + next + " attempted)");
		assertThat(acknowledged).isNotEmpty();
		this.app.destroy();
		this.app.waitFor();
	}

	/**
	 * Sends one registration; true when it was acknowledged (then recorded).
	 */
	private boolean write(String key, Map<String, String> acknowledged) {
		try {
			Api.Response response = Api.basic(this.port, "admin", PASSWORD).post("/api/v1/cases", """
					{"kind":"DEMAND","type":"HELP","channel":"API","title":"崩溃测试#%s#","content":"崩溃测试",
					 "areaUnitCode":"ROOT"}""".formatted(key), Map.of("Idempotency-Key", key));
			if (response.status() == 201 || response.status() == 200) {
				synchronized (acknowledged) {
					acknowledged.put(key, response.json().path("number").asString());
				}
				return true;
			}
			return false;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private void start() throws Exception {
		File jar = Files.list(Path.of("target"))
			.filter((p) -> p.getFileName().toString().matches("yixian-.*\\.jar"))
			.findFirst()
			.orElseThrow()
			.toFile();
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.getAbsolutePath(), "--spring.profiles.active=prod", "--server.port=" + this.port,
				"--yixian.data-dir=" + this.dataDir, "--yixian.admin.password=" + PASSWORD,
				"--yixian.embedded-db.watch-interval=1s", "--yixian.public.reads-per-minute=100000")
			.redirectErrorStream(true)
			.redirectOutput(this.dataDir.resolve("app.log").toFile());
		this.app = builder.start();
		for (int i = 0; i < 120; i++) {
			Thread.sleep(500);
			try {
				if (Api.anonymous(this.port).get("/manage/health").status() == 200) {
					ensureOperatorRole();
					return;
				}
			}
			catch (RuntimeException notYet) {
				// still starting
			}
		}
		throw new IllegalStateException(
				"the application did not start: " + Files.readString(this.dataDir.resolve("app.log")));
	}

	private void ensureOperatorRole() {
		Api admin = Api.basic(this.port, "admin", PASSWORD);
		String me = admin.get("/api/v1/users/me").body();
		if (!me.contains("OPERATOR")) {
			admin.put("/api/v1/users/admin", """
					{"displayName":"管理员","unitCode":"ROOT","roles":["ADMIN","OPERATOR"],"version":%d}"""
				.formatted(admin.get("/api/v1/users/admin").json().path("version").asInt()));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
