package org.yixian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.yixian.insight.InsightCommands;

/**
 * Yixian (一线): the frontline work method in software. With a command as first argument
 * ({@code eval-classifier}, {@code hot-issues}, {@code rebuild-index}) the jar runs that
 * command and exits instead of serving.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YixianApplication {

	public static void main(String[] args) {
		if (args.length > 0 && InsightCommands.STANDALONE.contains(args[0])) {
			System.exit(InsightCommands.run(args, System.out));
		}
		SpringApplication.run(YixianApplication.class, args);
	}

}
