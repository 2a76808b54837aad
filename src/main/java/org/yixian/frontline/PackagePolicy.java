package org.yixian.frontline;

import java.util.EnumSet;
import java.util.Set;

import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseStatus;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;

/**
 * Who takes part in a package (包案): a leader whose subtree holds the case's area or the
 * unit it is with may put it in a leader's charge, themselves or a leader below
 * ("一级带着一级干"); the package leader reports and concludes; the leader who assigned it may
 * conclude too.
 */
final class PackagePolicy {

	static final Set<CaseKind> KINDS = EnumSet.of(CaseKind.DEMAND, CaseKind.PETITION);

	private PackagePolicy() {
	}

	static boolean oversees(Actor actor, CaseFile file) {
		return actor.has(Role.LEADER) && over(actor.scope().pathPrefix(), file);
	}

	/**
	 * Whether a leader of the unit with this path is over the case: its area or the unit
	 * it is with lies in that subtree.
	 */
	static boolean over(String leaderUnitPath, CaseFile file) {
		return leaderCovers(leaderUnitPath, file.area().path())
				|| (file.assigned() != null && leaderCovers(leaderUnitPath, file.assigned().path()));
	}

	private static boolean leaderCovers(String leaderUnitPath, String path) {
		return path != null && path.startsWith(leaderUnitPath);
	}

	/**
	 * Whether a leader may be put in charge of the case: over it, and not inside the unit
	 * it complains about (who must never learn of it).
	 */
	static boolean mayLead(String leaderUnitPath, CaseFile file) {
		return over(leaderUnitPath, file) && (file.accused() == null || !file.accused().covers(leaderUnitPath));
	}

	/**
	 * A merged or archived case is no one's to take on.
	 */
	static boolean packageable(CaseStatus status) {
		return status != CaseStatus.MERGED && status != CaseStatus.ARCHIVED;
	}

}
