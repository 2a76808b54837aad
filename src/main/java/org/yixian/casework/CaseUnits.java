package org.yixian.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * Finds the units an action names, within the person's scope, and refuses any unit that
 * may never handle the case: the unit complained about and every unit below it.
 */
@Component
public class CaseUnits {

	private final Units units;

	CaseUnits(Units units) {
		this.units = units;
	}

	/**
	 * The unit that is to handle (or get a copy of) the case, or null when no code was
	 * given.
	 * @param withinScope whether it must lie in the person's own scope (dispatching), or
	 * may lie anywhere (escalating to a unit above)
	 * @throws InvalidInputException on {@code field} for an unknown, out-of-scope or
	 * accused unit
	 */
	public UnitRef handler(String code, String field, Actor actor, CaseFile file, boolean withinScope) {
		if (code == null || code.isBlank()) {
			return null;
		}
		Unit unit = this.units.findByCode(code.strip())
			.filter((u) -> !withinScope || actor == null || u.isWithin(actor.scope()))
			.orElseThrow(() -> new InvalidInputException(field, "unit.unknown", code));
		if (file.accused != null && file.accused.covers(unit.path())) {
			throw new InvalidInputException(field, "case.accusedUnit");
		}
		return UnitRef.of(unit);
	}

	/**
	 * Several units, each checked as {@link #handler}; every wrong one is named.
	 */
	public List<UnitRef> handlers(List<String> codes, String field, Actor actor, CaseFile file) {
		List<UnitRef> result = new ArrayList<>();
		List<FieldMessage> problems = new ArrayList<>();
		if (codes != null) {
			for (int i = 0; i < codes.size(); i++) {
				String code = codes.get(i);
				if (code == null || code.isBlank()) {
					continue;
				}
				try {
					result.add(handler(code, field + "[" + i + "]", actor, file, true));
				}
				catch (InvalidInputException ex) {
					problems.addAll(ex.errors());
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return result;
	}

	/**
	 * Whether the person works in a petition office (信访部门).
	 */
	public boolean isPetitionOffice(Actor actor) {
		return this.units.findByCode(actor.unitCode())
			.map((u) -> u.kind() == org.yixian.organisation.UnitKind.PETITION_OFFICE)
			.orElse(false);
	}

	public Optional<UnitRef> byId(long id) {
		return this.units.findById(id).map(UnitRef::of);
	}

	/**
	 * The unit directly above, if any.
	 */
	public Optional<UnitRef> parentOf(UnitRef unit) {
		return this.units.findByCode(unit.code())
			.map(Unit::parentCode)
			.flatMap((code) -> (code != null) ? this.units.findByCode(code) : Optional.empty())
			.map(UnitRef::of);
	}

}
