package org.yixian.casework;

import java.util.Arrays;

import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;

/**
 * The one confidentiality policy (《信访工作条例》 art. 30 and 46), applied wherever a case
 * leaves the core: views, lists, counts, search, exports, possible repeats,
 * notifications, attachments and documents, public pages and Open311.
 * <ul>
 * <li>Nobody inside the unit complained about, or below it, learns that the case exists:
 * {@link #isInsideAccused} for one case, {@link #SQL} for every list.</li>
 * <li>A petitioner's name, phone and ID number read masked until revealed with a reason
 * (written to the operation log).</li>
 * <li>A demand's complainant is known to hotline staff, and to handling units unless the
 * citizen asked for confidentiality.</li>
 * <li>A case is published (Open311, public lists) only when it came in through a public
 * channel, the citizen did not ask for confidentiality and it names no unit complained
 * about.</li>
 * </ul>
 */
public final class Confidentiality {

	/**
	 * The list predicate: the case's accused unit is not the actor's unit nor one of its
	 * ancestors. Its parameter is {@link #ancestry(Actor)}.
	 */
	public static final String SQL = "(c.accused_unit_id is null or c.accused_unit_id <> all(?))";

	private Confidentiality() {
	}

	public static boolean isInsideAccused(Actor actor, UnitRef accused) {
		return actor != null && accused != null && accused.covers(actor.unitPath());
	}

	/**
	 * The ids of the actor's unit and every unit above it, from its path.
	 */
	public static Long[] ancestry(Actor actor) {
		return Arrays.stream(actor.unitPath().split("/"))
			.filter((s) -> !s.isEmpty())
			.map(Long::valueOf)
			.toArray(Long[]::new);
	}

	/**
	 * Whether two cases may become one (merging): not when they name different units
	 * complained about, nor when a unit inside the one named works on the other, nor when
	 * the one that names no unit is linked to another case.
	 */
	static boolean mayUnite(CaseFile a, CaseFile b) {
		if (a.accused != null && b.accused != null) {
			return a.accused.id() == b.accused.id();
		}
		UnitRef accused = (a.accused != null) ? a.accused : b.accused;
		CaseFile other = (a.accused != null) ? b : a;
		if (accused != null && other.linked) {
			// a linked case would take on the accused unit while its partner still names
			// it
			return false;
		}
		return accused == null || other.units.stream().noneMatch((t) -> t.isLive() && accused.covers(t.unitPath));
	}

	/**
	 * Merged cases share the unit complained about, so that neither betrays the other.
	 */
	static void unite(CaseFile a, CaseFile b) {
		if (a.accused == null && b.accused != null) {
			a.accused = b.accused;
		}
		else if (b.accused == null && a.accused != null) {
			b.accused = a.accused;
		}
	}

	/**
	 * Whether the actor may read the complainant at all (masked or not).
	 */
	static boolean mayKnowComplainant(Actor actor, boolean confidential, String accusedPath) {
		if (actor == null) {
			return true;
		}
		if (accusedPath != null && actor.unitPath().startsWith(accusedPath)) {
			return false;
		}
		if (actor.has(Role.OPERATOR) || actor.has(Role.DISPATCHER)) {
			return true;
		}
		return !confidential;
	}

	/**
	 * Petitioners' identities are shown masked to everybody until revealed.
	 */
	static boolean masked(CaseKind kind) {
		return kind == CaseKind.PETITION;
	}

	static CaseView.ComplainantView mask(CaseView.ComplainantView who) {
		if (who == null) {
			return null;
		}
		return new CaseView.ComplainantView(maskName(who.name()), maskPhone(who.phone()), maskId(who.idNumber()),
				who.confidential(), true);
	}

	public static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		return name.substring(0, name.offsetByCodePoints(0, 1))
				+ "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
	}

	static String maskPhone(String phone) {
		if (phone == null || phone.length() < 7) {
			return (phone == null) ? null : "****";
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	static String maskId(String id) {
		if (id == null || id.length() < 8) {
			return (id == null) ? null : "****";
		}
		return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
	}

	/**
	 * Published to the public (Open311 lists, public pages other than the citizen's own
	 * progress page): came in through a public channel, not confidential, a demand.
	 */
	static boolean publishable(CaseKind kind, Channel channel, boolean confidential, boolean accusesUnit) {
		return kind == CaseKind.DEMAND && (channel == Channel.WEB || channel == Channel.API) && !confidential
				&& !accusesUnit;
	}

}
