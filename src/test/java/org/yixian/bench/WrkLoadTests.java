package org.yixian.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The bench reads wrk's report: rate, count, percentiles in any unit, errors of both
 * kinds; a report without figures is an error, not a zero.
 */
class WrkLoadTests {

	private static final String REPORT = """
			Running 15s test @ http://127.0.0.1:18090
			  2 threads and 16 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency    31.52ms   12.07ms   1.20s    81.22%
			    Req/Sec   256.10     40.21   350.00     70.00%
			  Latency Distribution
			     50%   29.87ms
			     75%   36.10ms
			     90%   45.02ms
			     99%  812.00us
			  7671 requests in 15.02s, 3.51MB read
			  Socket errors: connect 0, read 2, write 0, timeout 1
			  Non-2xx or 3xx responses: 4
			Requests/sec:    510.73
			Transfer/sec:    239.41KB
			bench-script-ok
			""";

	@Test
	void a_report_gives_rate_latencies_and_errors() {
		HttpLoad.Result result = WrkLoad.parse("intake", 16, REPORT);
		assertThat(result.scenario()).isEqualTo("intake (wrk)");
		assertThat(result.requests()).isEqualTo(7671);
		assertThat(result.perSecond()).isCloseTo(510.73, within(0.001));
		assertThat(result.p50Ms()).isCloseTo(29.87, within(0.001));
		assertThat(result.p99Ms()).isCloseTo(0.812, within(0.0001));
		assertThat(result.maxMs()).isCloseTo(1200, within(0.001));
		assertThat(result.errors()).isEqualTo(7);
	}

	@Test
	void a_report_without_figures_is_an_error() {
		assertThatThrownBy(() -> WrkLoad.parse("intake", 16,
				"unable to connect to 127.0.0.1:1 Connection refused\nbench-script-ok\n"))
			.hasMessageContaining("wrk gave no figures");
	}

	@Test
	void a_report_of_a_script_that_did_not_load_is_an_error() {
		assertThatThrownBy(() -> WrkLoad.parse("intake", 16, REPORT.replace("bench-script-ok", "")))
			.hasMessageContaining("did not run the bench's script");
	}

	@Test
	void a_script_error_that_quotes_the_marker_is_still_an_error() {
		assertThatThrownBy(() -> WrkLoad.parse("intake", 16,
				REPORT.replace("bench-script-ok", "x.lua:23: unfinished string near '\"bench-script-ok'")))
			.hasMessageContaining("did not run the bench's script");
	}

	@Test
	void only_the_loopback_address_is_loaded() {
		assertThatThrownBy(() -> new WrkLoad("http://10.0.0.1:8080")).isInstanceOf(IllegalArgumentException.class);
	}

}
