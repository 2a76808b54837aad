package org.yixian.organisation;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The provisioning command {@code POST /api/v1/users}, also bound from the admin form.
 */
public record NewUser(@NotBlank @Pattern(regexp = "[a-z0-9_.-]{3,32}") String username,
		@NotBlank @Size(min = 8, max = 128) String password, @NotBlank @Size(max = 50) String displayName,
		@NotBlank String unitCode, @NotEmpty Set<Role> roles, @Size(max = 30) String phone) {
}
