package org.yixian.organisation;

/**
 * A unit of the tree as other modules see it.
 */
public record Unit(long id, String code, String name, UnitKind kind, String parentCode, String path, int depth,
		boolean active, int version) {

	public boolean isWithin(Scope scope) {
		return scope.covers(this.path);
	}

}
