package org.yixian.casework;

/**
 * A unit as a case needs it: id, code, name and tree path.
 */
public record UnitRef(long id, String code, String name, String path, int depth) {

	public static UnitRef of(org.yixian.organisation.Unit unit) {
		return new UnitRef(unit.id(), unit.code(), unit.name(), unit.path(), unit.depth());
	}

	public boolean isAncestorOf(String otherPath) {
		return otherPath != null && otherPath.startsWith(this.path) && !otherPath.equals(this.path);
	}

	/**
	 * This unit or one below it.
	 */
	public boolean covers(String otherPath) {
		return otherPath != null && otherPath.startsWith(this.path);
	}

}
