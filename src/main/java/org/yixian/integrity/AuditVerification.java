package org.yixian.integrity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import tools.jackson.core.type.TypeReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.audit.ChainCheck;
import org.yixian.casework.CaseChains;
import org.yixian.shared.ConflictException;

/**
 * verify-audit: re-computes every case timeline's hash chain (both hash formats) and the
 * operation log's chain, and names the first broken link of each broken chain (case
 * number, entry sequence, hash expected against hash found). A run is kept in PostgreSQL
 * with its progress, so that a page can follow a long run. One run at a time in the whole
 * database (a partial unique index allows one RUNNING row), whichever node starts it; a
 * run beats a heartbeat with every batch, and one left RUNNING without a beat for
 * {@link #STALE} (its process stopped) is marked failed when the next one starts.
 */
@Service
public class AuditVerification {

	static final int MAX_BREAKS = 100;

	private static final int BATCH = 500;

	/** How long a run may go without progress before another node takes it for dead. */
	static final java.time.Duration STALE = java.time.Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);

	private final JdbcClient jdbc;

	private final CaseChains chains;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * Whether this process runs a verification (a row left RUNNING by a stopped process
	 * is stale).
	 */
	private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();

	private final ExecutorService runner = Executors.newSingleThreadExecutor((r) -> {
		Thread thread = new Thread(r, "verify-audit");
		thread.setDaemon(true);
		return thread;
	});

	private final String node;

	AuditVerification(JdbcClient jdbc, CaseChains chains, AuditLog audit, Clock clock,
			org.yixian.shared.ClusterSignals signals) {
		this.node = signals.node();
		this.jdbc = jdbc;
		this.chains = chains;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Starts a run in the background.
	 * @return its id, to follow with {@link #get}
	 * @throws ConflictException when a run is going on
	 */
	public synchronized long start(String by) {
		long id = open(by);
		this.runner.submit(() -> execute(id, by));
		return id;
	}

	/**
	 * Runs a verification to its end in the calling thread (the command).
	 */
	public synchronized Run run(String by) {
		long id = open(by);
		execute(id, by);
		return get(id).orElseThrow();
	}

	private long open(String by) {
		if (!this.busy.compareAndSet(false, true)) {
			throw new ConflictException("VERIFICATION_RUNNING", "integrity.verify.running");
		}
		try {
			OffsetDateTime now = OffsetDateTime.now(this.clock);
			this.jdbc.sql("""
					update integrity_verifications set status = 'FAILED', finished_at = ?,
					  error = 'interrupted: the process running it stopped'
					where status = 'RUNNING' and coalesce(heartbeat_at, started_at) < ?""")
				.params(now, now.minus(STALE))
				.update();
			return this.jdbc
				.sql("""
						insert into integrity_verifications (started_at, started_by, status, cases_total, node, heartbeat_at)
						values (?, ?, 'RUNNING', ?, ?, ?) returning id""")
				.params(now, by, this.chains.caseCount(), this.node, now)
				.query(Long.class)
				.single();
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// another node's run is going on
			this.busy.set(false);
			throw new ConflictException("VERIFICATION_RUNNING", "integrity.verify.running");
		}
		catch (RuntimeException ex) {
			this.busy.set(false);
			throw ex;
		}
	}

	private void execute(long id, String by) {
		try {
			verifyAll(id, by);
		}
		finally {
			this.busy.set(false);
		}
	}

	private void verifyAll(long id, String by) {
		try {
			List<Map<String, Object>> breaks = new ArrayList<>();
			long checked = 0;
			long entries = 0;
			long broken = 0;
			long after = 0;
			List<CaseChains.CaseRef> batch;
			while (!(batch = this.chains.casesAfter(after, BATCH)).isEmpty()) {
				for (CaseChains.CaseRef ref : batch) {
					CaseChains.Check check = this.chains.check(ref.id());
					checked++;
					entries += check.entries();
					if (!check.intact()) {
						broken++;
						if (breaks.size() < MAX_BREAKS) {
							breaks.add(describe(ref, check.firstBreak()));
						}
					}
					after = ref.id();
				}
				progress(id, checked, entries, broken, breaks);
			}
			ChainCheck auditCheck = this.audit.verify();
			Map<String, Object> auditBreak = null;
			if (!auditCheck.intact()) {
				auditBreak = new LinkedHashMap<>();
				auditBreak.put("id", auditCheck.firstBrokenId());
				auditBreak.put("what", auditCheck.what());
				auditBreak.put("expected", auditCheck.expected());
				auditBreak.put("found", auditCheck.found());
			}
			String status = (broken == 0 && auditBreak == null) ? "INTACT" : "BROKEN";
			this.jdbc
				.sql("""
						update integrity_verifications set status = ?, finished_at = ?, cases_checked = ?, entries_checked = ?,
						  broken_cases = ?, breaks = cast(? as jsonb), audit_rows = ?, audit_break = cast(? as jsonb)
						where id = ? and status = 'RUNNING'""")
				.params(status, OffsetDateTime.now(this.clock), checked, entries, broken,
						Flags.JSON.writeValueAsString(breaks), auditCheck.checked(),
						(auditBreak != null) ? Flags.JSON.writeValueAsString(auditBreak) : null, id)
				.update();
			this.audit.record(new AuditEvent(by, null, "AUDIT_VERIFIED", "verification", Long.toString(id),
					status + ": " + checked + " cases, " + entries + " entries, " + broken + " broken; audit log "
							+ auditCheck.checked() + " rows"
							+ (auditCheck.intact() ? "" : ", broken at " + auditCheck.firstBrokenId()),
					null));
		}
		catch (RuntimeException ex) {
			log.error("verify-audit run {} failed", id, ex);
			this.jdbc
				.sql("update integrity_verifications set status = 'FAILED', finished_at = ?, error = ?"
						+ " where id = ? and status = 'RUNNING'")
				.params(OffsetDateTime.now(this.clock), String.valueOf(ex.getMessage()), id)
				.update();
		}
	}

	private void progress(long id, long checked, long entries, long broken, List<Map<String, Object>> breaks) {
		this.jdbc.sql("""
				update integrity_verifications set cases_checked = ?, entries_checked = ?, broken_cases = ?,
				  breaks = cast(? as jsonb), heartbeat_at = ? where id = ?""")
			.params(checked, entries, broken, Flags.JSON.writeValueAsString(breaks), OffsetDateTime.now(this.clock), id)
			.update();
	}

	private static Map<String, Object> describe(CaseChains.CaseRef ref, CaseChains.Break b) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("caseId", ref.id());
		item.put("caseNumber", ref.number());
		item.put("entryId", b.entryId());
		item.put("sequence", b.sequence());
		item.put("action", b.action());
		item.put("what", b.what());
		item.put("expected", b.expected());
		item.put("found", b.found());
		return item;
	}

	public Optional<Run> get(long id) {
		return this.jdbc.sql("select * from integrity_verifications where id = ?")
			.param(id)
			.query(AuditVerification::row)
			.optional();
	}

	public List<Run> recent(int limit) {
		return this.jdbc.sql("select * from integrity_verifications order by id desc limit ?")
			.param(limit)
			.query(AuditVerification::row)
			.list();
	}

	@PreDestroy
	void stop() {
		this.runner.shutdownNow();
	}

	private static Run row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String audit = rs.getString("audit_break");
		return new Run(rs.getLong("id"), rs.getString("status"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getString("started_by"),
				rs.getLong("cases_total"), rs.getLong("cases_checked"), rs.getLong("entries_checked"),
				rs.getLong("audit_rows"), rs.getLong("broken_cases"),
				Flags.JSON.readValue(rs.getString("breaks"), new TypeReference<List<Map<String, Object>>>() {
				}), (audit != null) ? Flags.JSON.readValue(audit, new TypeReference<Map<String, Object>>() {
				}) : null, rs.getString("error"));
	}

	/**
	 * A verification run.
	 *
	 * @param breaks the first broken link of each broken case (at most
	 * {@value #MAX_BREAKS})
	 * @param auditBreak the operation log's first broken row, or null
	 */
	public record Run(long id, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, String startedBy,
			long casesTotal, long casesChecked, long entriesChecked, long auditRows, long brokenCases,
			List<Map<String, Object>> breaks, Map<String, Object> auditBreak, String error) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

		public boolean intact() {
			return "INTACT".equals(this.status);
		}

		public int percent() {
			if (this.casesTotal == 0) {
				return running() ? 0 : 100;
			}
			return (int) Math.min(100, this.casesChecked * 100 / this.casesTotal);
		}

	}

}
