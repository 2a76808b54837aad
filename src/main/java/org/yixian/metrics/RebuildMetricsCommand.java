package org.yixian.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar yixian.jar rebuild-metrics}: starts the application without its web
 * server on the configured database, recomputes every roll-up from the cases' timelines
 * and stops.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "yixian.metrics.command", havingValue = "rebuild-metrics")
class RebuildMetricsCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RebuildMetricsCommand.class);

	private final MetricsRebuild rebuild;

	RebuildMetricsCommand(MetricsRebuild rebuild) {
		this.rebuild = rebuild;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		long cases = this.rebuild.rebuild();
		String line = String.format("rebuild-metrics: %d cases replayed in %.1f s", cases,
				(System.nanoTime() - started) / 1e9);
		log.info(line);
		System.out.println(line);
	}

}
