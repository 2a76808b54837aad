package org.yixian.integrity;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The aggregate scan: complaints recoded behind the timeline's back (no event tells of a
 * type changed in the database) and the return-visit patterns of this month and the last.
 * Runs on a schedule ({@code yixian.integrity.scan-interval}) and on demand.
 */
@Service
public class IntegrityScan {

	private static final Logger log = LoggerFactory.getLogger(IntegrityScan.class);

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final CaseChecks checks;

	private final VisitPatterns visits;

	private final Clock clock;

	private final org.yixian.shared.JobLeases leases;

	private final org.yixian.casework.CaseChains chains;

	IntegrityScan(JdbcClient jdbc, CaseChecks checks, VisitPatterns visits, Clock clock,
			org.yixian.shared.JobLeases leases, org.yixian.casework.CaseChains chains) {
		this.chains = chains;
		this.leases = leases;
		this.jdbc = jdbc;
		this.checks = checks;
		this.visits = visits;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${yixian.integrity.scan-interval:PT1H}",
			fixedDelayString = "${yixian.integrity.scan-interval:PT1H}")
	void scheduled() {
		// one node runs the hourly scan; the others skip that run
		this.leases.runOnce("integrity-scan", java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(55), () -> {
			Result result = scan();
			log.info("integrity scan: {} complaints checked for recoding, {} flags opened", result.casesChecked(),
					result.opened());
		});
	}

	/**
	 * Runs the whole scan now.
	 */
	public synchronized Result scan() {
		YearMonth now = YearMonth.now(this.clock);
		int opened = this.visits.scan(now.minusMonths(1)) + this.visits.scan(now);
		// complaints dispatched as such, a batch at a time; only those that are
		// consultations
		// now are looked at one by one (two queries per batch instead of two per
		// complaint)
		int checked = 0;
		long after = 0;
		List<Long> complaints;
		while (!(complaints = this.jdbc
			.sql("select case_id from integrity_case_facts where registered_type = 'COMPLAINT'"
					+ " and dispatched_at is not null and case_id > ? order by case_id limit ?")
			.params(after, BATCH)
			.query(Long.class)
			.list()).isEmpty()) {
			checked += complaints.size();
			after = complaints.get(complaints.size() - 1);
			for (long caseId : this.chains.withType(complaints, "CONSULT")) {
				opened += this.checks.recoded(caseId) ? 1 : 0;
			}
		}
		return new Result(checked, opened);
	}

	/**
	 * Scans the visit patterns of one month (for months further back than the scheduled
	 * scan looks).
	 */
	public int scanVisits(YearMonth month) {
		return this.visits.scan(month);
	}

	/**
	 * What a scan did.
	 */
	public record Result(int casesChecked, int opened) {
	}

}
