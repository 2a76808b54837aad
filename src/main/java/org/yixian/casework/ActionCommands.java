package org.yixian.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * Reads an action's body into the track's command record and checks it: the same rules
 * for the JSON API and the page forms. Also reads the two values every action carries,
 * {@code version} and {@code at}.
 */
@Component
class ActionCommands {

	/** A client's clock may run a little ahead of ours. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

	private final JsonMapper mapper;

	private final Validator validator;

	private final Clock clock;

	ActionCommands(Validator validator, Clock clock) {
		this.validator = validator;
		this.clock = clock;
		this.mapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.withCoercionConfigDefaults(
					(config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
			.build();
	}

	/**
	 * The command of the action, checked.
	 * @throws InvalidInputException naming each field that is wrong
	 */
	<C> C read(Map<String, ?> body, Class<C> type) {
		refuseNul(body, "");
		C command;
		try {
			command = this.mapper.convertValue(body, type);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(field(ex), "typeMismatch");
		}
		catch (IllegalArgumentException ex) {
			Throwable cause = ex.getCause();
			throw new InvalidInputException((cause instanceof JacksonException jackson) ? field(jackson) : "body",
					"typeMismatch");
		}
		if (command == null) {
			throw new InvalidInputException("body", "NotNull");
		}
		List<FieldMessage> problems = new ArrayList<>();
		this.validator.validate(command)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<C> v) -> v.getPropertyPath().toString()))
			.forEach((v) -> problems.add(new FieldMessage(v.getPropertyPath().toString(),
					v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
					v.getConstraintDescriptor().getAttributes().getOrDefault("max", ""))));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return command;
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
	}

	int version(Map<String, ?> body) {
		Object version = body.get("version");
		if (version == null || (version instanceof String text && text.isBlank())) {
			throw new InvalidInputException("version", "NotNull");
		}
		try {
			return new java.math.BigDecimal(version.toString().strip()).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new InvalidInputException("version", "typeMismatch");
		}
	}

	/**
	 * When the act happened: now, or the past time the caller records, which may lie
	 * neither in the future nor before the case's previous entry.
	 */
	OffsetDateTime at(Map<String, ?> body, OffsetDateTime notBefore) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		Object value = body.get("at");
		if (value == null || (value instanceof String text && text.isBlank())) {
			return (notBefore != null && now.isBefore(notBefore)) ? notBefore : now;
		}
		OffsetDateTime at;
		String text = value.toString().strip();
		try {
			at = OffsetDateTime.parse(text).truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException ex) {
			try {
				at = java.time.LocalDateTime.parse(text)
					.atZone(this.clock.getZone())
					.toOffsetDateTime()
					.truncatedTo(ChronoUnit.MICROS);
			}
			catch (DateTimeParseException notLocal) {
				throw new InvalidInputException("at", "typeMismatch");
			}
		}
		if (at.isAfter(now.plus(CLOCK_SKEW))) {
			throw new InvalidInputException("at", "case.atInFuture");
		}
		if (notBefore != null && at.isBefore(notBefore)) {
			throw new InvalidInputException("at", "case.atBeforePrevious");
		}
		return at.isAfter(now) ? now : at;
	}

	/**
	 * Text with U+0000 is refused naming its field: PostgreSQL cannot store it.
	 */
	private static void refuseNul(Object value, String path) {
		if (value instanceof String text && text.indexOf('\u0000') >= 0) {
			throw new InvalidInputException(path.isEmpty() ? "body" : path, "error.nulCharacter");
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> refuseNul(item, path.isEmpty() ? String.valueOf(key) : path + "." + key));
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				refuseNul(list.get(i), path + "[" + i + "]");
			}
		}
	}

	/**
	 * A form's fields as an action body: repeated fields become lists.
	 */
	static Map<String, Object> fromForm(Map<String, String[]> parameters) {
		Map<String, Object> body = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (!name.startsWith("_")) {
				body.put(name, (values.length == 1) ? values[0] : List.of(values));
			}
		});
		return body;
	}

	private static String field(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

}
