package org.yixian.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/categories}: {@code publicService} (JSON {@code public}) says
 * whether citizens and Open311 clients may choose it; it defaults to true.
 */
public record NewCategory(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,32}") String code,
		@NotBlank @Size(max = 100) String name, @Size(max = 32) String parentCode,
		@com.fasterxml.jackson.annotation.JsonProperty("public") Boolean publicService) {
}
