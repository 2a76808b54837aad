package org.yixian.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yixian.organisation.Actor;

/**
 * Group commit of intakes: the cases that arrive while the previous group is being
 * written are taken in together, in one transaction, so that many cases share one commit
 * (one WAL flush with synchronous commit) and one connection. Each caller's answer waits
 * for the commit of its group, so every acknowledged case is durable.
 * <p>
 * A case that fails in a group (a conflicting idempotency key, a stale row, a database
 * error) rolls the group back; the group is then taken in again case by case, each in its
 * own transaction, so that the others are not lost and the failing one gets its own
 * error. Input errors are found before a case joins a group
 * ({@link CaseIntake#validate}). Idempotency keys are serialised by their advisory lock
 * as before: two requests with one key in one group find each other (the second sees the
 * first's key row in the same transaction); in two groups the second waits for the
 * first's commit.
 * <p>
 * {@code yixian.intake.group-lanes} groups are written at the same time (each lane a
 * thread with its own connection; 0, the default, switches grouping off: each request is
 * taken in on its own thread as before), at most {@code yixian.intake.group-size} cases
 * each; {@code yixian.intake.group-wait-micros} lets a lane wait that long for more cases
 * when its group is not full (0: take what is queued, no wait). A caller that is already
 * in a transaction is taken in directly.
 */
@Component
class IntakeGroups implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IntakeGroups.class);

	private final CaseIntake intake;

	private final TransactionTemplate transaction;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final int groupSize;

	private final long waitMicros;

	private final boolean enabled;

	private final List<Thread> lanes = new ArrayList<>();

	private volatile boolean running = true;

	private final java.util.concurrent.atomic.AtomicLong groupsCommitted = new java.util.concurrent.atomic.AtomicLong();

	private final java.util.concurrent.atomic.AtomicLong casesInGroups = new java.util.concurrent.atomic.AtomicLong();

	private final java.util.concurrent.atomic.AtomicLong groupsRetriedOneByOne = new java.util.concurrent.atomic.AtomicLong();

	IntakeGroups(CaseIntake intake, PlatformTransactionManager transactions,
			@Value("${yixian.intake.group-lanes:0}") int lanes, @Value("${yixian.intake.group-size:32}") int groupSize,
			@Value("${yixian.intake.group-wait-micros:0}") long waitMicros) {
		this.intake = intake;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.groupSize = Math.max(1, groupSize);
		this.waitMicros = Math.max(0, waitMicros);
		this.enabled = lanes > 0;
		for (int i = 0; i < lanes; i++) {
			Thread lane = new Thread(this::work, "intake-group-" + i);
			lane.setDaemon(true);
			this.lanes.add(lane);
			lane.start();
		}
	}

	/**
	 * Takes a case in, in the next group; returns when the group has committed.
	 */
	CaseIntake.Receipt receive(NewCase command, Actor actor, String idempotencyKey, CaseIntake.Extras extras) {
		if (!this.enabled || !this.running || TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.intake.receive(command, actor, idempotencyKey, extras);
		}
		this.intake.validate(command, actor, idempotencyKey);
		Pending pending = new Pending(command, actor, idempotencyKey, extras, new CompletableFuture<>());
		this.queue.add(pending);
		try {
			return pending.result().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the case was being taken in", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void work() {
		List<Pending> group = new ArrayList<>(this.groupSize);
		while (this.running) {
			group.clear();
			try {
				Pending first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				this.queue.drainTo(group, this.groupSize - 1);
				if (this.waitMicros > 0 && group.size() < this.groupSize) {
					long until = System.nanoTime() + this.waitMicros * 1000;
					long left;
					while (group.size() < this.groupSize && (left = until - System.nanoTime()) > 0) {
						Pending next = this.queue.poll(left, TimeUnit.NANOSECONDS);
						if (next == null) {
							break;
						}
						group.add(next);
						this.queue.drainTo(group, this.groupSize - group.size());
					}
				}
				write(group);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Throwable ex) {
				// write() answers every case; this is a last resort so that no caller
				// waits
				for (Pending pending : group) {
					pending.result().completeExceptionally(ex);
				}
			}
		}
	}

	private void write(List<Pending> group) {
		if (group.size() > 1) {
			List<CaseIntake.Receipt> receipts;
			try {
				receipts = this.transaction.execute((status) -> {
					List<CaseIntake.Receipt> written = new ArrayList<>(group.size());
					for (Pending pending : group) {
						written.add(this.intake.receive(pending.command(), pending.actor(), pending.idempotencyKey(),
								pending.extras()));
					}
					return written;
				});
			}
			catch (RuntimeException ex) {
				log.debug("A group of {} intakes failed ({}); taking them in one by one", group.size(), ex.toString());
				receipts = null;
				this.groupsRetriedOneByOne.incrementAndGet();
			}
			if (receipts != null) {
				this.groupsCommitted.incrementAndGet();
				this.casesInGroups.addAndGet(group.size());
				for (int i = 0; i < group.size(); i++) {
					group.get(i).result().complete(receipts.get(i));
				}
				return;
			}
		}
		for (Pending pending : group) {
			try {
				pending.result()
					.complete(this.transaction.execute((status) -> this.intake.receive(pending.command(),
							pending.actor(), pending.idempotencyKey(), pending.extras())));
			}
			catch (RuntimeException | Error ex) {
				pending.result().completeExceptionally(ex);
			}
		}
	}

	/**
	 * Groups of more than one case committed, the cases in them, and groups that failed
	 * and were taken in case by case.
	 */
	long[] counts() {
		return new long[] { this.groupsCommitted.get(), this.casesInGroups.get(), this.groupsRetriedOneByOne.get() };
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		for (Thread lane : this.lanes) {
			lane.join(5000);
		}
		Pending left;
		while ((left = this.queue.poll()) != null) {
			left.result().completeExceptionally(new IllegalStateException("shutting down"));
		}
	}

	private record Pending(NewCase command, Actor actor, String idempotencyKey, CaseIntake.Extras extras,
			CompletableFuture<CaseIntake.Receipt> result) {
	}

}
