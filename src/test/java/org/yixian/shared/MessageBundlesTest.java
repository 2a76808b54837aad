package org.yixian.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTest {

	@Test
	void chinese_and_english_bundles_have_the_same_keys() throws IOException {
		Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
		Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
		assertThat(zh).isNotEmpty();
		assertThat(difference(zh, en)).as("keys only in messages_zh_CN").isEmpty();
		assertThat(difference(en, zh)).as("keys only in messages_en").isEmpty();
	}

	@Test
	void every_message_key_used_in_a_template_exists() throws IOException {
		Properties zh = load("messages_zh_CN.properties");
		Pattern key = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*)[}(]");
		Set<String> missing = new TreeSet<>();
		for (Resource template : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:templates/**/*.html")) {
			Matcher matcher = key.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				if (!zh.containsKey(matcher.group(1))) {
					missing.add(template.getFilename() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
