package org.yixian.organisation;

/**
 * A unit of the tree as other modules see it.
 */
public record Unit(long id, String code, String name, UnitKind kind, String parentCode, String path, int depth,
		boolean active, int version) {

	public boolean isWithin(Scope scope) {
		return scope.covers(this.path);
	}

	/**
	 * The name people read for an area ("东城区 / 和平街道"): below a district its parent's name
	 * comes first, since street and community names repeat across districts.
	 * @param parent the unit's parent, or null
	 */
	public String label(Unit parent) {
		return (parent != null && this.depth > 1) ? parent.name() + " / " + this.name : this.name;
	}

}
