package org.yixian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.yixian.insight.InsightCommands;
import org.yixian.metrics.MetricsCommands;

/**
 * Yixian (一线): the frontline work method in software. With a command as first argument
 * the jar runs that command and exits instead of serving: {@code eval-classifier} and
 * {@code hot-issues} on files alone; {@code rebuild-index}, {@code rebuild-metrics} and
 * {@code verify-audit} inside the application (its database and data folder, web server
 * on a random local port only).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YixianApplication {

	/** Commands that run inside the application and then exit. */
	static final java.util.Set<String> WITH_APPLICATION = java.util.Set.of("verify-audit");

	public static void main(String[] args) {
		if (args.length > 0 && InsightCommands.STANDALONE.contains(args[0])) {
			System.exit(InsightCommands.run(args, System.out));
		}
		if (args.length > 0 && (InsightCommands.WITH_APPLICATION.contains(args[0])
				|| MetricsCommands.WITH_APPLICATION.contains(args[0]) || WITH_APPLICATION.contains(args[0]))) {
			String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
			ConfigurableApplicationContext context = new SpringApplicationBuilder(YixianApplication.class)
				.properties("yixian.insight.command=" + args[0], "yixian.metrics.command=" + args[0],
						"yixian.command=" + args[0], "spring.main.banner-mode=off", "server.port=0",
						"server.address=127.0.0.1")
				.run(rest);
			System.exit(SpringApplication.exit(context));
		}
		SpringApplication.run(YixianApplication.class, args);
	}

}
