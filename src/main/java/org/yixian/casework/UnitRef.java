package org.yixian.casework;

/**
 * A unit as a case needs it: id, code, name and tree path.
 */
record UnitRef(long id, String code, String name, String path, int depth) {

	static UnitRef of(org.yixian.organisation.Unit unit) {
		return new UnitRef(unit.id(), unit.code(), unit.name(), unit.path(), unit.depth());
	}

	boolean isAncestorOf(String otherPath) {
		return otherPath != null && otherPath.startsWith(this.path) && !otherPath.equals(this.path);
	}

}
