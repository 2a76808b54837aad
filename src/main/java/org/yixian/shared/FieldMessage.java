package org.yixian.shared;

import java.util.List;

/**
 * A refusal of one field's value: the field's name, a message key from the bundles and
 * its arguments. Translated when the response is written.
 */
public record FieldMessage(String field, String key, List<Object> args) {

	public FieldMessage(String field, String key, Object... args) {
		this(field, key, List.of(args));
	}

}
