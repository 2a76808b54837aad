package org.yixian.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load against 127.0.0.1: N clients each send the next request as soon
 * as the previous one answered, for a fixed time; latencies of every request are kept.
 */
final class HttpLoad {

	private final String base;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	HttpLoad(String base) {
		if (!base.startsWith("http://127.0.0.1") && !base.startsWith("http://localhost")) {
			throw new IllegalArgumentException("load tests only run against 127.0.0.1: " + base);
		}
		this.base = base;
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpRequest.Builder get(String path, String token) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", "Bearer " + token).GET();
	}

	/**
	 * A POST whose client asks only for what identifies the created resource
	 * ({@code Prefer: return=minimal}).
	 */
	HttpRequest.Builder postMinimal(String path, String token, String json) {
		return post(path, token, json).header("Prefer", "return=minimal");
	}

	HttpRequest.Builder post(String path, String token, String json) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
	}

	/**
	 * Runs {@code clients} loops for {@code duration}; each loop asks {@code next} for
	 * its request (given the loop's index) and counts a non-2xx answer as an error.
	 */
	Result run(String name, int clients, Duration duration, IntFunction<HttpRequest.Builder> next) throws Exception {
		return perform(name, clients, duration, (index) -> send(next.apply(index)).statusCode());
	}

	/**
	 * Like {@link #run} for steps that do more than one request or look at the answer:
	 * the step returns the status that decides success.
	 */
	Result perform(String name, int clients, Duration duration, Step step) throws Exception {
		List<long[]> latencies = new ArrayList<>();
		List<int[]> counts = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients);
		long deadline = System.nanoTime() + duration.toNanos();
		long started = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			long[] samples = new long[2_000_000];
			int[] count = new int[1];
			latencies.add(samples);
			counts.add(count);
			int index = c;
			Thread thread = new Thread(() -> {
				try {
					while (System.nanoTime() < deadline && count[0] < samples.length) {
						long t0 = System.nanoTime();
						try {
							int status = step.perform(index);
							if (status >= 300) {
								errors.incrementAndGet();
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
						samples[count[0]++] = System.nanoTime() - t0;
					}
				}
				finally {
					done.countDown();
				}
			}, "bench-" + name + "-" + c);
			threads.add(thread);
			thread.start();
		}
		done.await();
		double seconds = (System.nanoTime() - started) / 1e9;
		int total = counts.stream().mapToInt((c) -> c[0]).sum();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(latencies.get(c), 0, all, at, counts.get(c)[0]);
			at += counts.get(c)[0];
		}
		Arrays.sort(all);
		return new Result(name, clients, total, errors.get(), total / seconds, percentile(all, 0.50),
				percentile(all, 0.99), (all.length > 0) ? all[all.length - 1] / 1e6 : 0);
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

	/**
	 * One step of a client's loop.
	 */
	interface Step {

		int perform(int clientIndex) throws Exception;

	}

	/**
	 * Throughput in requests per second and latencies in milliseconds.
	 */
	record Result(String scenario, int clients, long requests, long errors, double perSecond, double p50Ms,
			double p99Ms, double maxMs) {
	}

}
