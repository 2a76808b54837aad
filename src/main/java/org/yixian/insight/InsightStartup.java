package org.yixian.insight;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the demo city (if any) is seeded: marks training runs that a stopped process left
 * running as failed, copies unit and category names into the user dictionary and brings
 * the case index up to date with PostgreSQL.
 */
@Component
@Order(50)
class InsightStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InsightStartup.class);

	private final UserDictionary dictionary;

	private final IndexMaintenance maintenance;

	private final ModelStore models;

	private final boolean command;

	private final String catchUp;

	InsightStartup(UserDictionary dictionary, IndexMaintenance maintenance, ModelStore models,
			@org.springframework.beans.factory.annotation.Value("${yixian.insight.command:}") String command,
			@org.springframework.beans.factory.annotation.Value("${yixian.insight.start-catch-up:auto}") String catchUp) {
		this.command = !command.isBlank();
		this.catchUp = catchUp.strip();
		this.dictionary = dictionary;
		this.maintenance = maintenance;
		this.models = models;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.command) {
			return;
		}
		this.models.failInterrupted();
		int added = this.dictionary.syncInstallationNames();
		if ("off".equalsIgnoreCase(this.catchUp)) {
			this.maintenance.trustIfCurrent();
			log.warn("Insight: {} new dictionary terms; case index not brought up to date at start"
					+ " (yixian.insight.start-catch-up=off): rebuild it with rebuild-index or on the model page",
					added);
			return;
		}
		IndexMaintenance.Plan plan = this.maintenance.plan();
		if (!plan.large()) {
			log.info("Insight: {} new dictionary terms; case index {}", added, this.maintenance.bringUpToDate(plan));
			return;
		}
		// a large rebuild must not keep the node out of service: it runs beside the work
		// (searches see the last saved view meanwhile, its progress is on the model page)
		log.info("Insight: {} new dictionary terms; case index rebuilt in the background ({})", added,
				plan.rebuild() ? "index of another database or schema, or none" : "many changes since it was saved");
		Thread rebuild = new Thread(() -> {
			try {
				log.info("Insight: case index {}", this.maintenance.bringUpToDate(plan));
			}
			catch (RuntimeException ex) {
				log.error("Insight: the case index could not be rebuilt at start", ex);
			}
		}, "insight-index-start");
		rebuild.setDaemon(true);
		rebuild.start();
	}

}
