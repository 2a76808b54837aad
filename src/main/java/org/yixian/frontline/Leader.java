package org.yixian.frontline;

import org.yixian.organisation.Scope;

/**
 * A leader (领导干部) as frontline work names one: who, and the unit whose subtree they lead.
 */
record Leader(long id, String username, String displayName, long unitId, String unitCode, String unitName,
		String unitPath) {

	/**
	 * The subtree this leader answers for.
	 */
	Scope scope() {
		return new Scope(this.unitPath);
	}

	/**
	 * Whether a unit lies in this leader's subtree.
	 */
	boolean leads(String path) {
		return path != null && path.startsWith(this.unitPath);
	}

}
