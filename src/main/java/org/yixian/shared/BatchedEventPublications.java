package org.yixian.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring Modulith's JDBC event publication registry, written in batches: the publications
 * a transaction creates (one per event and listener) are inserted just before it commits,
 * in one multi-row insert, each event serialised once however many listeners it has —
 * instead of one serialisation and one round trip per publication while the transaction
 * runs. They are in the same transaction as before, so an event is registered exactly
 * when the change that caused it commits.
 * <p>
 * The registry's separate "processing" mark (an update and a commit of its own per
 * publication before the listener runs) is left out: nothing here reads that state (no
 * staleness monitor, no resubmission by status); an unfinished publication stays
 * incomplete until its listener completes it, as before.
 * <p>
 * Completions (with {@code spring.modulith.events.completion-mode=delete}) are deleted by
 * one thread that takes every completion waiting at that moment into one
 * {@code delete … where id = any(?)}: idle, a completion is deleted at once; under load,
 * many listeners' completions share one statement and one commit instead of an autocommit
 * each. Reads of incomplete publications on this node first delete what is waiting, so
 * nothing here sees a completed publication as incomplete. A completion lost in a crash
 * leaves its publication incomplete, as a crash between a listener's commit and its
 * completion always did (listeners are idempotent).
 */
@Configuration(proxyBeanMethods = false)
class BatchedEventPublications {

	private static final String INSERT = """
			insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
			  completion_attempts, last_resubmission_date)
			values (?, ?, ?, ?, ?, ?, ?, ?)""";

	@Bean
	static BeanPostProcessor batchedEventPublicationRepository(ObjectProvider<JdbcTemplate> jdbc,
			ObjectProvider<EventSerializer> serializer, Environment environment) {
		boolean deleting = "delete"
			.equalsIgnoreCase(environment.getProperty("spring.modulith.events.completion-mode", "update"));
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
				if (bean instanceof EventPublicationRepository repository && !(bean instanceof Batching)) {
					return new Batching(repository, jdbc, serializer, deleting);
				}
				return bean;
			}

		};
	}

	/**
	 * The registry's repository with batched creation.
	 */
	static final class Batching implements EventPublicationRepository, DisposableBean {

		private static final Logger log = LoggerFactory.getLogger(BatchedEventPublications.class);

		/**
		 * The most completions one statement deletes.
		 */
		static final int COMPLETIONS_PER_DELETE = 500;

		private final EventPublicationRepository delegate;

		private final ObjectProvider<JdbcTemplate> jdbc;

		private final ObjectProvider<EventSerializer> serializer;

		private final BlockingQueue<UUID> completed;

		private final Thread completer;

		private volatile boolean stopping;

		Batching(EventPublicationRepository delegate, ObjectProvider<JdbcTemplate> jdbc,
				ObjectProvider<EventSerializer> serializer, boolean deleting) {
			this.delegate = delegate;
			this.jdbc = jdbc;
			this.serializer = serializer;
			if (deleting) {
				this.completed = new LinkedBlockingQueue<>();
				this.completer = new Thread(this::complete, "event-completions");
				this.completer.setDaemon(true);
				this.completer.start();
			}
			else {
				this.completed = null;
				this.completer = null;
			}
		}

		private void complete() {
			List<UUID> batch = new ArrayList<>();
			while (!this.stopping || !this.completed.isEmpty()) {
				try {
					UUID first = this.completed.poll(1, TimeUnit.SECONDS);
					if (first == null) {
						continue;
					}
					batch.add(first);
					this.completed.drainTo(batch, COMPLETIONS_PER_DELETE - 1);
					delete(batch);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				finally {
					batch.clear();
				}
			}
		}

		/**
		 * Deletes what is waiting now, in the caller's thread.
		 */
		void flushCompletions() {
			if (this.completed == null) {
				return;
			}
			List<UUID> batch = new ArrayList<>();
			while (this.completed.drainTo(batch, COMPLETIONS_PER_DELETE) > 0) {
				delete(batch);
				batch.clear();
			}
		}

		private void delete(List<UUID> ids) {
			try {
				this.jdbc.getObject()
					.update("delete from event_publication where id = any(?)",
							(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())));
			}
			catch (RuntimeException ex) {
				// the publications stay incomplete and are delivered again, as after a
				// crash
				log.warn("Could not delete {} completed event publications: {}", ids.size(), ex.getMessage());
			}
		}

		@Override
		public void destroy() throws InterruptedException {
			if (this.completer != null) {
				this.stopping = true;
				this.completer.join(5_000);
			}
		}

		@Override
		public TargetEventPublication create(TargetEventPublication publication) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()
					|| !TransactionSynchronizationManager.isActualTransactionActive()) {
				return this.delegate.create(publication);
			}
			// the current transaction's own synchronizations (an outer transaction's are
			// suspended while a REQUIRES_NEW one runs)
			Pending pending = null;
			for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				if (synchronization instanceof Pending mine && mine.owner() == this) {
					pending = mine;
				}
			}
			if (pending == null) {
				pending = new Pending();
				TransactionSynchronizationManager.registerSynchronization(pending);
			}
			if (pending.flushed) {
				return this.delegate.create(publication);
			}
			pending.publications.add(publication);
			return publication;
		}

		private void insert(List<TargetEventPublication> publications) {
			if (publications.isEmpty()) {
				return;
			}
			EventSerializer serializer = this.serializer.getObject();
			Map<Object, String> serialized = new IdentityHashMap<>();
			List<Object[]> rows = new ArrayList<>(publications.size());
			for (TargetEventPublication publication : publications) {
				Object event = publication.getEvent();
				String json = serialized.computeIfAbsent(event, (e) -> serializer.serialize(e).toString());
				Timestamp published = Timestamp.from(publication.getPublicationDate());
				rows.add(new Object[] { publication.getIdentifier(), event.getClass().getName(),
						publication.getTargetIdentifier().getValue(), published, json, publication.getStatus().name(),
						1, published });
			}
			JdbcTemplate template = this.jdbc.getObject();
			if (rows.size() == 1) {
				template.update(INSERT, rows.get(0));
			}
			else {
				template.batchUpdate(INSERT, rows);
			}
		}

		@Override
		public void markProcessing(UUID identifier) {
			// see the class comment: no separate commit before the listener runs
		}

		@Override
		public void markCompleted(TargetEventPublication publication, Instant completionDate) {
			if (this.completed != null) {
				this.completed.add(publication.getIdentifier());
			}
			else {
				this.delegate.markCompleted(publication, completionDate);
			}
		}

		@Override
		public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
			this.delegate.markCompleted(event, identifier, completionDate);
		}

		@Override
		public void markCompleted(UUID identifier, Instant completionDate) {
			if (this.completed != null) {
				this.completed.add(identifier);
			}
			else {
				this.delegate.markCompleted(identifier, completionDate);
			}
		}

		@Override
		public void markFailed(UUID identifier) {
			this.delegate.markFailed(identifier);
		}

		@Override
		public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
			return this.delegate.markResubmitted(identifier, resubmissionDate);
		}

		@Override
		public List<TargetEventPublication> findIncompletePublications() {
			flushCompletions();
			return this.delegate.findIncompletePublications();
		}

		@Override
		public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
			flushCompletions();
			return this.delegate.findIncompletePublicationsPublishedBefore(instant);
		}

		@Override
		public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
				PublicationTargetIdentifier targetIdentifier) {
			flushCompletions();
			return this.delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
		}

		@Override
		public List<TargetEventPublication> findCompletedPublications() {
			return this.delegate.findCompletedPublications();
		}

		@Override
		public void deletePublications(List<UUID> identifiers) {
			this.delegate.deletePublications(identifiers);
		}

		@Override
		public void deleteCompletedPublications() {
			this.delegate.deleteCompletedPublications();
		}

		@Override
		public void deleteCompletedPublicationsBefore(Instant instant) {
			this.delegate.deleteCompletedPublicationsBefore(instant);
		}

		@Override
		public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
			return this.delegate.findFailedPublications(criteria);
		}

		@Override
		public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
			flushCompletions();
			return this.delegate.findByStatus(status);
		}

		@Override
		public int countByStatus(EventPublication.Status status) {
			flushCompletions();
			return this.delegate.countByStatus(status);
		}

		/**
		 * The publications of one transaction, written before it commits.
		 */
		private final class Pending implements TransactionSynchronization {

			private final List<TargetEventPublication> publications = new ArrayList<>();

			private boolean flushed;

			@Override
			public int getOrder() {
				return Ordered.LOWEST_PRECEDENCE;
			}

			@Override
			public void beforeCommit(boolean readOnly) {
				this.flushed = true;
				insert(this.publications);
			}

			Batching owner() {
				return Batching.this;
			}

		}

	}

}
