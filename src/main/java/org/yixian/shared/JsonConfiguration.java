package org.yixian.shared;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every time on the wire is ISO-8601 with the offset of the configured zone
 * ({@code +08:00} by default), whatever zone the database driver handed back.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer zonedTimes(TimeDisplay times) {
		SimpleModule module = new SimpleModule("yixian-times");
		module.addSerializer(OffsetDateTime.class, new ValueSerializer<>() {
			@Override
			public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext context) {
				gen.writeString(times.local(value).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
			}
		});
		module.addDeserializer(String.class, new NulRefusingStrings());
		return (builder) -> builder.addModule(module);
	}

}
