package org.yixian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Yixian (一线): the frontline work method in software.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YixianApplication {

	public static void main(String[] args) {
		SpringApplication.run(YixianApplication.class, args);
	}

}
