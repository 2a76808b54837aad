package org.yixian.routing;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/dispatch-rules}: a case of the category (or below; none = any)
 * located in the area (or below) goes to the target unit, with copies to the copy units.
 */
public record NewDispatchRule(@Size(max = 32) String categoryCode, @NotBlank String areaUnitCode,
		@NotBlank String targetUnitCode, List<String> copyUnitCodes) {
}
