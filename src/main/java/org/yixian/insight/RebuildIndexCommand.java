package org.yixian.insight;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar yixian.jar rebuild-index}: starts the application without its web
 * server on the configured database and data folder, rebuilds the case index from
 * PostgreSQL and stops ({@code YixianApplication} closes the context).
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "yixian.insight.command", havingValue = "rebuild-index")
class RebuildIndexCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RebuildIndexCommand.class);

	private final UserDictionary dictionary;

	private final IndexMaintenance maintenance;

	private final CaseIndex index;

	RebuildIndexCommand(UserDictionary dictionary, IndexMaintenance maintenance, CaseIndex index) {
		this.dictionary = dictionary;
		this.maintenance = maintenance;
		this.index = index;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		this.dictionary.syncInstallationNames();
		long cases = this.maintenance.rebuild();
		String line = String.format("rebuild-index: %d cases indexed in %.1f s; %s, %d MB", cases,
				(System.nanoTime() - started) / 1e9, this.index.path(), this.index.bytesOnDisk() / (1024 * 1024));
		log.info(line);
		System.out.println(line);
	}

}
