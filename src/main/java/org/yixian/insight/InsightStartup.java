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

	InsightStartup(UserDictionary dictionary, IndexMaintenance maintenance, ModelStore models) {
		this.dictionary = dictionary;
		this.maintenance = maintenance;
		this.models = models;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.models.failInterrupted();
		int added = this.dictionary.syncInstallationNames();
		String outcome = this.maintenance.bringUpToDate();
		log.info("Insight: {} new dictionary terms; case index {}", added, outcome);
	}

}
