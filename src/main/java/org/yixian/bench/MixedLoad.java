package org.yixian.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

/**
 * The mixed scenario: case views, the hotline's 待回访 list, intakes and supervisions of the
 * run's own cases (retried on a stale version), and the count of lost writes.
 */
final class MixedLoad {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MixedLoad() {
	}

	/**
	 * 80% reads, 20% writes at 50 clients; afterwards every acknowledged write must be in
	 * the database (when it is known), as the facts {@code mixed…} say.
	 */
	static HttpLoad.Result run(HttpLoad http, String operator, String dispatcher, List<Long> caseIds,
			SyntheticCity city, Duration duration, BenchDatabase database, Map<String, Object> facts) throws Exception {
		String marker = "mixed-" + System.currentTimeMillis();
		AtomicLong creates = new AtomicLong();
		AtomicLong supervisions = new AtomicLong();
		ConcurrentLinkedQueue<Long> created = new ConcurrentLinkedQueue<>();
		HttpLoad.Result result = http.perform("mixed 80/20, 50 clients", 50, duration, (i) -> {
			int p = ThreadLocalRandom.current().nextInt(100);
			if (p < 40) {
				return http.send(http.get("/api/v1/cases/" + Bench.pick(caseIds), dispatcher)).statusCode();
			}
			if (p < 80) {
				return http.send(http.get("/api/v1/cases?inbox=TO_VISIT&size=50", dispatcher)).statusCode();
			}
			if (p < 90 || created.isEmpty()) {
				HttpResponse<String> response = http.send(http.post("/api/v1/cases", operator, city.caseJson(marker)));
				if (response.statusCode() == 201) {
					creates.incrementAndGet();
					created.add(JSON.readTree(response.body()).path("id").asLong());
				}
				return response.statusCode();
			}
			List<Long> mine = new ArrayList<>(created);
			long id = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
			for (int attempt = 0; attempt < 20; attempt++) {
				int version = JSON.readTree(http.send(http.get("/api/v1/cases/" + id, dispatcher)).body())
					.path("version")
					.asInt();
				HttpResponse<String> response = http.send(http.post("/api/v1/cases/" + id + "/actions/supervise",
						dispatcher, "{\"version\":" + version + ",\"note\":\"" + marker + "\"}"));
				if (response.statusCode() == 200) {
					supervisions.incrementAndGet();
					return 200;
				}
				if (response.statusCode() != 409) {
					return response.statusCode();
				}
			}
			return 409;
		});
		facts.put("mixedAcknowledgedCreates", creates.get());
		facts.put("mixedAcknowledgedSupervisions", supervisions.get());
		if (database != null) {
			try (Connection db = database.connect()) {
				long stored = BenchDatabase.count(db, "select count(*) from cases where title like '" + marker + "%'");
				long supervised = BenchDatabase.count(db,
						"select count(*) from case_events where action = 'supervise' and comment = '" + marker + "'");
				facts.put("mixedCreatesInDatabase", stored);
				facts.put("mixedSupervisionsInDatabase", supervised);
				facts.put("mixedLostWrites", (creates.get() - stored) + (supervisions.get() - supervised));
			}
		}
		return result;
	}

}
