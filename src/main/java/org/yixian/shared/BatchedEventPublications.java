package org.yixian.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
 */
@Configuration(proxyBeanMethods = false)
class BatchedEventPublications {

	private static final String INSERT = """
			insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
			  completion_attempts, last_resubmission_date)
			values (?, ?, ?, ?, ?, ?, ?, ?)""";

	@Bean
	static BeanPostProcessor batchedEventPublicationRepository(ObjectProvider<JdbcTemplate> jdbc,
			ObjectProvider<EventSerializer> serializer) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
				if (bean instanceof EventPublicationRepository repository && !(bean instanceof Batching)) {
					return new Batching(repository, jdbc, serializer);
				}
				return bean;
			}

		};
	}

	/**
	 * The registry's repository with batched creation.
	 */
	static final class Batching implements EventPublicationRepository {

		private final EventPublicationRepository delegate;

		private final ObjectProvider<JdbcTemplate> jdbc;

		private final ObjectProvider<EventSerializer> serializer;

		Batching(EventPublicationRepository delegate, ObjectProvider<JdbcTemplate> jdbc,
				ObjectProvider<EventSerializer> serializer) {
			this.delegate = delegate;
			this.jdbc = jdbc;
			this.serializer = serializer;
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
			this.delegate.markCompleted(publication, completionDate);
		}

		@Override
		public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
			this.delegate.markCompleted(event, identifier, completionDate);
		}

		@Override
		public void markCompleted(UUID identifier, Instant completionDate) {
			this.delegate.markCompleted(identifier, completionDate);
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
			return this.delegate.findIncompletePublications();
		}

		@Override
		public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
			return this.delegate.findIncompletePublicationsPublishedBefore(instant);
		}

		@Override
		public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
				PublicationTargetIdentifier targetIdentifier) {
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
			return this.delegate.findByStatus(status);
		}

		@Override
		public int countByStatus(EventPublication.Status status) {
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
