package org.yixian.metrics;

import java.util.Set;

/**
 * The metrics commands of the jar ({@code java -jar yixian.jar rebuild-metrics}): they
 * run inside the application (its database) and then exit.
 */
public final class MetricsCommands {

	/** Commands that run inside the application and then exit. */
	public static final Set<String> WITH_APPLICATION = Set.of("rebuild-metrics");

	private MetricsCommands() {
	}

}
