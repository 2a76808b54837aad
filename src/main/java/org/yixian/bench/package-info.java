/**
 * The {@code bench} command (not part of the running application): generates a synthetic
 * city's cases straight into PostgreSQL with COPY, drives a running Yixian over HTTP on
 * 127.0.0.1, and reports throughput and latency as a table and as JSON under
 * {@code target/bench/}. See {@code docs/performance.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmarks")
package org.yixian.bench;
