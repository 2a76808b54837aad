package org.yixian.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Renaming or (de)activating a unit, against the version the editor saw.
 */
public record UnitChange(@NotBlank @Size(max = 100) String name, @NotNull Boolean active, @NotNull Integer version) {
}
