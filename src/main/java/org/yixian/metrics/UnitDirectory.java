package org.yixian.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;

/**
 * Unit ids by code for the roll-ups (codes never change; a unit once seen is cached).
 */
@Component
class UnitDirectory {

	private final Units units;

	private final Map<String, Long> ids = new ConcurrentHashMap<>();

	UnitDirectory(Units units) {
		this.units = units;
	}

	/**
	 * The unit's id, or {@code null} for no or an unknown code.
	 */
	Long id(String code) {
		if (code == null) {
			return null;
		}
		Long id = this.ids.get(code);
		if (id == null) {
			id = this.units.findByCode(code).map(Unit::id).orElse(null);
			if (id != null) {
				this.ids.put(code, id);
			}
		}
		return id;
	}

	long idOrZero(String code) {
		Long id = id(code);
		return (id != null) ? id : 0;
	}

}
