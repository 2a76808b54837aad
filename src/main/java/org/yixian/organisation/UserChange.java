package org.yixian.organisation;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/v1/users/{username}}: name, unit, roles and phone, against the version
 * the editor saw.
 */
public record UserChange(@NotBlank @Size(max = 50) String displayName, @NotBlank String unitCode,
		@NotEmpty Set<Role> roles, @Size(max = 30) String phone, @NotNull Integer version) {
}
