package org.yixian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bench all|load|run|intake}: see {@code docs/performance.md}.
 */
public final class Bench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> options;

	private final List<HttpLoad.Result> results = new ArrayList<>();

	private final Map<String, Object> facts = new LinkedHashMap<>();

	private Bench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
			System.out.println(
					"""
							usage: ./bench all  [--cases 1000000] [--duration 20] [--mixed-duration 60] [--port 18080] [--data-dir target/bench-data]
							       ./bench load --cases N --data-dir DIR --db-port P
							       ./bench run  [--port 18080] [--data-dir DIR --db-port P] [--duration 20]
							       ./bench intake [--port 18080] [--data-dir DIR --db-port P] [--duration 20] [--full no] [--path no] [--ceiling no]
							       ./bench search [--port 18080] [--q 火星基地漏水,井盖,…] [--runs 3]   the lists' text filter, one request at a time
							Scenarios run with wrk when it is installed (apt-get install wrk), else with the JDK's client; --client java forces the latter.
							Load tests run only against 127.0.0.1.""");
			return;
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		Bench bench = new Bench(options);
		switch (args[0]) {
			case "all" -> bench.all();
			case "load" -> bench.load();
			case "run" -> bench.run();
			case "intake" -> bench.intake();
			case "search" -> bench.search();
			default -> throw new IllegalArgumentException("unknown command " + args[0]);
		}
	}

	private void search() throws Exception {
		HttpLoad http = new HttpLoad("http://127.0.0.1:" + option("port", "18080"));
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("dispatcher", token(http, "dispatcher"));
		tokens.put("handler", token(http, "handler"));
		List<String> texts = this.options.containsKey("q") ? List.of(option("q", "").split(","))
				: SearchTimes.DEFAULT_TEXTS;
		SearchTimes.print(SearchTimes.measure(http, tokens, texts, Integer.parseInt(option("runs", "3"))));
	}

	private String option(String name, String fallback) {
		return this.options.getOrDefault(name, fallback);
	}

	private void all() throws Exception {
		Path dataDir = Path.of(option("data-dir", "target/bench-data")).toAbsolutePath();
		int port = Integer.parseInt(option("port", "18080"));
		int dbPort = Integer.parseInt(option("db-port", "55433"));
		Path jar = Files.list(Path.of("target"))
			.filter((p) -> p.getFileName().toString().matches("yixian-.*\\.jar"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("build first: ./mvnw -DskipTests package"));
		this.options.put("db-port", Integer.toString(dbPort));
		this.options.put("data-dir", dataDir.toString());
		Process app = new ProcessBuilder("java", "-Xmx2g", "-jar", jar.toString(), "--server.port=" + port,
				"--yixian.data-dir=" + dataDir, "--yixian.embedded-db.port=" + dbPort,
				"--yixian.public.submissions-per-minute=1000000", "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(dataDir.getParent().resolve("bench-app.log").toFile())
			.start();
		Files.createDirectories(dataDir);
		try {
			long t0 = System.nanoTime();
			waitForHealth(port);
			this.facts.put("appStartSeconds", round((System.nanoTime() - t0) / 1e9));
			long wanted = Long.parseLong(option("cases", "1000000"));
			try (Connection db = database().connect()) {
				long present = BenchDatabase.count(db, "select count(*) from cases where number like 'B%'");
				if (present < wanted) {
					System.out.printf("Loading %,d synthetic cases (%,d present)…%n", wanted - present, present);
					long l0 = System.nanoTime();
					new BulkLoader(db, present + 42).load(wanted - present);
					this.facts.put("loadSeconds", round((System.nanoTime() - l0) / 1e9));
					this.facts.put("loadedCases", wanted - present);
				}
			}
			this.options.put("port", Integer.toString(port));
			run();
			this.facts.put("appRssMb", rssMb(app.pid()));
		}
		finally {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
		report();
	}

	private void load() throws Exception {
		try (Connection db = database().connect()) {
			long present = BenchDatabase.count(db, "select count(*) from cases where number like 'B%'");
			new BulkLoader(db, present + 42).load(Long.parseLong(option("cases", "100000")));
		}
	}

	private void run() throws Exception {
		int port = Integer.parseInt(option("port", "18080"));
		Duration duration = Duration.ofSeconds(Long.parseLong(option("duration", "20")));
		HttpLoad http = new HttpLoad("http://127.0.0.1:" + port);
		String operator = token(http, "operator");
		String handler = token(http, "handler");
		String dispatcher = token(http, "dispatcher");
		SyntheticCity city = new SyntheticCity(System.nanoTime());
		List<Long> caseIds = sampleIds(http, dispatcher);

		System.out.println("Warming up…");
		http.run("warm-up", 4, Duration.ofSeconds(5),
				(i) -> http.post("/api/v1/cases", operator, city.caseJson("warm")));
		http.run("warm-up", 4, Duration.ofSeconds(3), (i) -> http.get("/api/v1/cases/" + pick(caseIds), dispatcher));

		List<String> bodies = city.caseJsons(2_000, "bench #N#");
		List<String> casePages = caseIds.stream().map((id) -> "/api/v1/cases/" + id).toList();
		this.results.add(scenario(http, "intake, 1 client", 1, duration, "POST", List.of("/api/v1/cases"),
				json(operator, false), bodies, (i) -> http.post("/api/v1/cases", operator, city.caseJson("bench"))));
		this.results.add(scenario(http, "intake, 16 clients", 16, duration, "POST", List.of("/api/v1/cases"),
				json(operator, false), bodies, (i) -> http.post("/api/v1/cases", operator, city.caseJson("bench"))));
		// the intakes leave their listeners' work (metrics, integrity, insight) behind
		// them: reads are measured once it is done, and how long that took is a figure
		// of its own
		drain("listenerBacklogAfterIntakeSeconds");
		this.results.add(scenario(http, "handler inbox, 1 client", 1, duration, "GET",
				List.of("/api/v1/cases?inbox=HANDLING&size=50"), bearer(handler), null,
				(i) -> http.get("/api/v1/cases?inbox=HANDLING&size=50", handler)));
		this.results.add(scenario(http, "case page, 1 client", 1, duration, "GET", casePages, bearer(dispatcher), null,
				(i) -> http.get("/api/v1/cases/" + pick(caseIds), dispatcher)));
		this.results.add(scenario(http, "handler inbox (50 by due time)", 8, duration, "GET",
				List.of("/api/v1/cases?inbox=HANDLING&size=50"), bearer(handler), null,
				(i) -> http.get("/api/v1/cases?inbox=HANDLING&size=50", handler)));
		this.results.add(scenario(http, "case page (case + timeline)", 8, duration, "GET", casePages,
				bearer(dispatcher), null, (i) -> http.get("/api/v1/cases/" + pick(caseIds), dispatcher)));
		Duration mixedDuration = Duration.ofSeconds(Long.parseLong(option("mixed-duration", "60")));
		this.results.add(MixedLoad.run(http, operator, dispatcher, caseIds, city, mixedDuration,
				this.options.containsKey("db-port") ? database() : null, this.facts));
		if (this.options.containsKey("db-port")) {
			try (Connection db = database().connect()) {
				this.facts.put("cases", BenchDatabase.count(db, "select count(*) from cases"));
				this.facts.put("databaseSizeMb",
						BenchDatabase.count(db, "select pg_database_size(current_database()) / 1048576"));
				this.facts.put("scorecardMs", BenchDatabase.scorecardMs(db));
				this.facts.put("rollupScorecard", RollupBench.measure(db, http, token(http, "leader")));
			}
			this.facts.put("pgbench", database().pgbench(1, 8));
		}
		if (!this.options.containsKey("cases")) {
			report();
		}
	}

	/**
	 * Only the intake at 1 and 16 clients (full and minimal answer), the request path's
	 * own cost (an authenticated no-op and the health check at 16 clients) and the
	 * database's single-row insert ceiling at 1 and 8 connections with the ratio the
	 * target names: the quick loop for work on the intake path.
	 */
	private void intake() throws Exception {
		int port = Integer.parseInt(option("port", "18080"));
		Duration duration = Duration.ofSeconds(Long.parseLong(option("duration", "20")));
		HttpLoad http = new HttpLoad("http://127.0.0.1:" + port);
		String operator = token(http, "operator");
		SyntheticCity city = new SyntheticCity(System.nanoTime());
		http.run("warm-up", 4, Duration.ofSeconds(10),
				(i) -> http.post("/api/v1/cases", operator, city.caseJson("warm")));
		List<String> bodies = city.caseJsons(2_000, "bench #N#");
		List<String> intake = List.of("/api/v1/cases");
		if (!"no".equals(option("full", "yes"))) {
			this.results.add(scenario(http, "intake, 1 client", 1, duration, "POST", intake, json(operator, false),
					bodies, (i) -> http.post("/api/v1/cases", operator, city.caseJson("bench"))));
			this.results.add(scenario(http, "intake, 16 clients", 16, duration, "POST", intake, json(operator, false),
					bodies, (i) -> http.post("/api/v1/cases", operator, city.caseJson("bench"))));
		}
		this.results.add(scenario(http, "intake minimal, 1 client", 1, duration, "POST", intake, json(operator, true),
				bodies, (i) -> http.postMinimal("/api/v1/cases", operator, city.caseJson("bench"))));
		HttpLoad.Result minimal = scenario(http, "intake minimal, 16 clients", 16, duration, "POST", intake,
				json(operator, true), bodies,
				(i) -> http.postMinimal("/api/v1/cases", operator, city.caseJson("bench")));
		this.results.add(minimal);
		if (!"no".equals(option("path", "yes"))) {
			this.results
				.add(scenario(http, "users/me (token), 16 clients", 16, duration, "GET", List.of("/api/v1/users/me"),
						bearer(operator), null, (i) -> http.get("/api/v1/users/me", operator)));
			this.results.add(scenario(http, "/manage/health, 16 clients", 16, duration, "GET",
					List.of("/manage/health"), Map.of(), null,
					(i) -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/manage/health")).GET()));
		}
		if (this.options.containsKey("db-port") && !"no".equals(option("ceiling", "yes"))) {
			Map<String, Object> ceiling = database().pgbench(1, 8);
			this.facts.put("pgbench", ceiling);
			Object eight = ceiling.get("inserts_8_clients");
			if (eight != null && eight.toString().matches("[0-9.]+")) {
				double tps = Double.parseDouble(eight.toString());
				this.facts.put("intakeMinimal16OverPgbench8", Math.round(minimal.perSecond() / tps * 1000) / 1000.0);
				this.facts.put("target (0.15 x pgbench 8)", Math.round(0.15 * tps));
			}
		}
		report();
	}

	/**
	 * One scenario, driven by {@code wrk} when it is installed (and not {@code --client
	 * java}), else by the JDK's client.
	 */
	private HttpLoad.Result scenario(HttpLoad http, String name, int clients, Duration duration, String method,
			List<String> paths, Map<String, String> headers, List<String> bodies,
			java.util.function.IntFunction<HttpRequest.Builder> javaRequest) throws Exception {
		if (useWrk()) {
			return new WrkLoad("http://127.0.0.1:" + option("port", "18080")).run(name, clients, duration, method,
					paths, headers, bodies);
		}
		return http.run(name, clients, duration, javaRequest);
	}

	private Boolean wrk;

	private boolean useWrk() {
		if (this.wrk == null) {
			this.wrk = !"java".equals(option("client", "wrk")) && WrkLoad.available();
			this.facts.put("client", this.wrk ? "wrk" : "java HttpClient");
		}
		return this.wrk;
	}

	private static Map<String, String> bearer(String token) {
		return Map.of("Authorization", "Bearer " + token);
	}

	private static Map<String, String> json(String token, boolean minimal) {
		Map<String, String> headers = new LinkedHashMap<>(bearer(token));
		headers.put("Content-Type", "application/json");
		if (minimal) {
			headers.put("Prefer", "return=minimal");
		}
		return headers;
	}

	/**
	 * Waits (at most five minutes) until no event publication is incomplete, when the
	 * database is known, and records how long that took.
	 */
	private void drain(String fact) throws Exception {
		if (this.options.containsKey("db-port")) {
			this.facts.put(fact, round(database().drainSeconds()));
		}
	}

	private BenchDatabase database() {
		return new BenchDatabase(option("db-port", "55433"), Path.of(option("data-dir", "target/bench-data")));
	}

	static Long pick(List<Long> ids) {
		return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
	}

	private List<Long> sampleIds(HttpLoad http, String dispatcher) throws Exception {
		List<Long> ids = new ArrayList<>();
		if (this.options.containsKey("db-port")) {
			try (Connection db = database().connect();
					Statement st = db.createStatement();
					ResultSet rs = st.executeQuery("select id from cases tablesample system (1) limit 5000")) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
			}
		}
		if (ids.isEmpty()) {
			JsonNode page = JSON.readTree(http.send(http.get("/api/v1/cases?size=500", dispatcher)).body());
			page.path("items").forEach((item) -> ids.add(item.path("id").asLong()));
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("no cases to read: load some first");
		}
		return ids;
	}

	private String token(HttpLoad http, String user) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((user + ":" + option("password", "yixian2026")).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + option("port", "18080") + "/api/v1/tokens"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("cannot get a token for " + user + ": " + response.body());
		}
		return JSON.readTree(response.body()).path("token").asString();
	}

	private void report() throws IOException {
		System.out.println();
		System.out.printf("%-34s %8s %10s %9s %9s %9s %7s%n", "scenario", "clients", "requests", "req/s", "p50 ms",
				"p99 ms", "errors");
		for (HttpLoad.Result r : this.results) {
			System.out.printf("%-34s %8d %10d %9.0f %9.1f %9.1f %7d%n", r.scenario(), r.clients(), r.requests(),
					r.perSecond(), r.p50Ms(), r.p99Ms(), r.errors());
		}
		this.facts.forEach((k, v) -> System.out.printf("%-34s %s%n", k, v));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("when", LocalDateTime.now().toString());
		document.put("commit", git());
		document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os",
				System.getProperty("os.name") + " " + System.getProperty("os.version")));
		document.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		document.put("results", this.results);
		document.put("facts", this.facts);
		Path dir = Path.of("target/bench");
		Files.createDirectories(dir);
		Path file = dir
			.resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
		Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
		System.out.println("\nWritten to " + file);
	}

	private static void waitForHealth(int port) throws Exception {
		HttpLoad http = new HttpLoad("http://127.0.0.1:" + port);
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/manage/health")))
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the application did not come up on port " + port);
	}

	private static long rssMb(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		return -1;
	}

	private static String git() {
		try {
			Process process = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
