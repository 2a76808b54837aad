package org.yixian.demo;

import java.util.Arrays;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns the {@code demo} profile on by default, but only where it is safe: on the
 * embedded database and unless {@code prod} is active.
 * {@code yixian.demo.enabled=true|false} decides explicitly (true is the only way to seed
 * demo data into an external database).
 */
public class DemoProfileActivator implements EnvironmentPostProcessor, Ordered {

	static final String DEMO = "demo";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (wantsDemo(environment)) {
			environment.addActiveProfile(DEMO);
		}
	}

	static boolean wantsDemo(ConfigurableEnvironment environment) {
		var profiles = Arrays.asList(environment.getActiveProfiles());
		if (profiles.contains(DEMO)) {
			return false;
		}
		String explicit = environment.getProperty("yixian.demo.enabled", "").strip();
		if (!explicit.isEmpty()) {
			return Boolean.parseBoolean(explicit);
		}
		boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
		return embedded && !profiles.contains("prod");
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
