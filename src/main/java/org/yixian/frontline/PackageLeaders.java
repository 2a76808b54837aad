package org.yixian.frontline;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yixian.casework.CaseView;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;

/**
 * The leaders the case page offers for a package: the signed-in leader and the leaders
 * below whose subtree holds the case, never one inside the unit it complains about.
 * Templates call it as {@code ${@packageLeaders.candidates(actor, case)}}.
 */
@Component("packageLeaders")
class PackageLeaders {

	private final Leaders leaders;

	private final Units units;

	PackageLeaders(Leaders leaders, Units units) {
		this.leaders = leaders;
		this.units = units;
	}

	public List<Leader> candidates(Actor actor, CaseView view) {
		String area = this.units.findByCode(view.areaUnitCode()).map((u) -> u.path()).orElse(null);
		String assigned = (view.assignedUnitCode() != null)
				? this.units.findByCode(view.assignedUnitCode()).map((u) -> u.path()).orElse(null) : null;
		String accused = (view.accusedUnitCode() != null)
				? this.units.findByCode(view.accusedUnitCode()).map((u) -> u.path()).orElse(null) : null;
		return this.leaders.within(actor)
			.stream()
			.filter((l) -> l.leads(area) || l.leads(assigned))
			.filter((l) -> accused == null || !l.unitPath().startsWith(accused))
			.toList();
	}

}
