package org.yixian.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The provisioning command {@code POST /api/v1/units}, also bound from the admin form.
 */
public record NewUnit(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String code,
		@NotBlank @Size(max = 100) String name, @NotNull UnitKind kind, @Size(max = 32) String parentCode) {
}
