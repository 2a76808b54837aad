package org.yixian.petition;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseEvents;
import org.yixian.casework.CaseKind;
import org.yixian.casework.Notifications;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;

/**
 * A 重大紧急 petition is flagged at once to the office that registered it and to the leaders
 * of the unit above it, as soon as its registration commits.
 */
@Component
class UrgentPetitionAlerts {

	private final PetitionFacts facts;

	private final Units units;

	private final Notifications notifications;

	UrgentPetitionAlerts(PetitionFacts facts, Units units, Notifications notifications) {
		this.facts = facts;
		this.units = units;
		this.notifications = notifications;
	}

	@ApplicationModuleListener(condition = "#event.kind().name() == 'PETITION' and #event.actorUnitCode() != null")
	void on(CaseEvents.Registered event) {
		if (event.kind() != CaseKind.PETITION || event.actorUnitCode() == null) {
			return;
		}
		if (this.facts.load(event.caseId()).filter((p) -> p.urgent).isEmpty()) {
			return;
		}
		this.units.findByCode(event.actorUnitCode()).ifPresent((office) -> {
			this.notifications.send(office.id(), event.caseId(), "URGENT_PETITION", "petition.notice.urgent");
			String parent = office.parentCode();
			if (parent != null) {
				this.units.findByCode(parent)
					.map(Unit::id)
					.ifPresent((id) -> this.notifications.send(id, event.caseId(), "URGENT_PETITION",
							"petition.notice.urgent"));
			}
		});
	}

}
