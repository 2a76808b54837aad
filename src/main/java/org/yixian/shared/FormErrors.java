package org.yixian.shared;

import java.util.List;

import org.springframework.validation.BindingResult;

/**
 * Puts the field errors of a refused command onto a form, so that a page shows them
 * inline exactly as the API names them.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * @return whether the exception carried field errors that were applied
	 */
	public static boolean apply(RuntimeException ex, BindingResult form) {
		List<FieldMessage> errors = List.of();
		if (ex instanceof InvalidInputException invalid) {
			errors = invalid.errors();
		}
		else if (ex instanceof ConflictException conflict) {
			errors = conflict.errors();
		}
		for (FieldMessage error : errors) {
			if (form.getFieldType(error.field()) != null || hasProperty(form, error.field())) {
				form.rejectValue(error.field(), error.key(), error.args().toArray(), error.key());
			}
			else {
				form.reject(error.key(), error.args().toArray(), error.key());
			}
		}
		if (errors.isEmpty() && ex instanceof ConflictException conflict) {
			form.reject(conflict.messageKey());
			return true;
		}
		return !errors.isEmpty();
	}

	private static boolean hasProperty(BindingResult form, String field) {
		try {
			form.getFieldValue(field);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
