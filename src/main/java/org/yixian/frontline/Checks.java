package org.yixian.frontline;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * Checks a command built from a page form with the same constraints the API applies to
 * the JSON body, and names the fields that fail.
 */
@Component
class Checks {

	private final Validator validator;

	Checks(Validator validator) {
		this.validator = validator;
	}

	<T> T require(T command) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(command);
		if (!violations.isEmpty()) {
			List<FieldMessage> problems = violations.stream()
				.sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
				.map((v) -> new FieldMessage(v.getPropertyPath().toString(),
						v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
						v.getConstraintDescriptor().getAttributes().getOrDefault("max", "")))
				.toList();
			throw new InvalidInputException(problems);
		}
		return command;
	}

}
