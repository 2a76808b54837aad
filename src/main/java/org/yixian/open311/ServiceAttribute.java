package org.yixian.open311;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An extra question of a category (a GeoReport service attribute): {@code POST
 * /api/v1/categories/{code}/attributes}.
 */
public record ServiceAttribute(@NotBlank @Pattern(regexp = "[A-Za-z0-9_]{1,40}") String code,
		@NotNull @Pattern(regexp = "string|number|datetime|text|singlevaluelist|multivaluelist") String datatype,
		Boolean required, @NotBlank @Size(max = 500) String description, @Size(max = 500) String datatypeDescription,
		Integer order, @Valid List<Value> values) {

	/**
	 * A choice of a list question.
	 */
	public record Value(@NotBlank @Size(max = 60) String key, @NotBlank @Size(max = 200) String name) {
	}

	boolean isList() {
		return "singlevaluelist".equals(this.datatype) || "multivaluelist".equals(this.datatype);
	}

}
