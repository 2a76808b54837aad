package org.yixian.organisation;

/**
 * A data scope: the subtree of units below (and including) one unit, as its materialised
 * path prefix. Used as a typed predicate, never as hand-written SQL.
 */
public record Scope(String pathPrefix) implements java.io.Serializable {

	public Scope {
		if (pathPrefix == null || !pathPrefix.startsWith("/") || !pathPrefix.endsWith("/")) {
			throw new IllegalArgumentException("not a unit path: " + pathPrefix);
		}
	}

	public boolean covers(String unitPath) {
		return unitPath != null && unitPath.startsWith(this.pathPrefix);
	}

	/**
	 * The pattern for {@code path LIKE ?}. Paths hold only digits and slashes, so nothing
	 * needs escaping.
	 */
	public String likePattern() {
		return this.pathPrefix + "%";
	}

}
