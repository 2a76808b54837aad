package org.yixian.routing;

import java.util.List;

/**
 * A stored dispatch rule.
 */
public record DispatchRule(long id, String categoryCode, String categoryName, String areaUnitCode, String areaUnitName,
		String targetUnitCode, String targetUnitName, List<String> copyUnitCodes) {
}
