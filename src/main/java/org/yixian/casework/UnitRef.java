package org.yixian.casework;

/**
 * A unit as a case needs it: id, code, name and tree path.
 */
record UnitRef(long id, String code, String name, String path, int depth) {

	boolean isAncestorOf(String otherPath) {
		return otherPath != null && otherPath.startsWith(this.path) && !otherPath.equals(this.path);
	}

}
