package org.yixian.insight;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * What insight's pages share: refusals as readable lines ("field: message") for a flash
 * attribute, and chart data as JSON for a {@code data-chart} attribute (never an inline
 * script: the content security policy forbids them).
 */
@Component
class PageSupport {

	private final MessageSource messages;

	PageSupport(MessageSource messages) {
		this.messages = messages;
	}

	List<String> describe(InvalidInputException ex) {
		return ex.errors().stream().map(this::describe).toList();
	}

	private String describe(FieldMessage e) {
		var locale = LocaleContextHolder.getLocale();
		String field = this.messages.getMessage("field." + e.field(), null, e.field(), locale);
		return field + "：" + this.messages.getMessage(e.key(), e.args().toArray(), e.key(), locale);
	}

	/**
	 * {"type":…, "labels":[…], "series":[{"name":…, "data":[…]}]}.
	 */
	static String chart(String type, List<String> labels, Map<String, List<? extends Number>> series) {
		String seriesJson = series.entrySet()
			.stream()
			.map((e) -> "{\"name\":" + quote(e.getKey()) + ",\"data\":"
					+ e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")) + "}")
			.collect(Collectors.joining(",", "[", "]"));
		return "{\"type\":" + quote(type) + ",\"labels\":"
				+ labels.stream().map(PageSupport::quote).collect(Collectors.joining(",", "[", "]")) + ",\"series\":"
				+ seriesJson + "}";
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
