package org.yixian.routing;

import java.util.List;

/**
 * Where the catalogue sends a case: the lead unit and the units that get a copy.
 */
public record Route(long ruleId, long targetUnitId, String targetUnitCode, List<Long> copyUnitIds) {
}
