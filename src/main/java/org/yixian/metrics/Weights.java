package org.yixian.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;
import org.yixian.shared.InvalidInputException;

/**
 * The installation's weights: how much a partly resolved and a basically satisfied answer
 * count, and how the three rates make up the score. Set by the city's administrators; the
 * raw answers are kept, so a change applies to every period at once.
 */
@Component
class Weights {

	static final String[] NAMES = { "PARTLY", "BASICALLY", "RESPONSE", "RESOLUTION", "SATISFACTION" };

	private final JdbcClient jdbc;

	private final Clock clock;

	Weights(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The weights in force.
	 */
	record Values(double partly, double basically, double response, double resolution, double satisfaction) {

		Map<String, Double> asMap() {
			Map<String, Double> map = new LinkedHashMap<>();
			map.put("PARTLY", this.partly);
			map.put("BASICALLY", this.basically);
			map.put("RESPONSE", this.response);
			map.put("RESOLUTION", this.resolution);
			map.put("SATISFACTION", this.satisfaction);
			return map;
		}

	}

	@Transactional(readOnly = true)
	Values current() {
		Map<String, Double> w = new LinkedHashMap<>();
		this.jdbc.sql("select name, weight from metric_weights")
			.query((RowCallbackHandler) (rs) -> w.put(rs.getString("name"), rs.getBigDecimal("weight").doubleValue()));
		return new Values(w.getOrDefault("PARTLY", 0.5), w.getOrDefault("BASICALLY", 0.8),
				w.getOrDefault("RESPONSE", 0.2), w.getOrDefault("RESOLUTION", 0.4),
				w.getOrDefault("SATISFACTION", 0.4));
	}

	/**
	 * Changes the weights: answers' weights between 0 and 1, the rates' weights summing
	 * to 1 (or 100, read as per cent).
	 */
	@Transactional
	Values change(Map<String, BigDecimal> values, Actor actor) {
		Map<String, BigDecimal> checked = new LinkedHashMap<>();
		for (String name : NAMES) {
			BigDecimal value = values.get(name);
			if (value == null) {
				throw new InvalidInputException(name.toLowerCase(), "NotNull");
			}
			BigDecimal max = (name.equals("PARTLY") || name.equals("BASICALLY")) ? BigDecimal.ONE
					: BigDecimal.valueOf(100);
			if (value.signum() < 0 || value.compareTo(max) > 0) {
				throw new InvalidInputException(name.toLowerCase(), "Range", 0, max);
			}
			checked.put(name, value);
		}
		BigDecimal sum = checked.get("RESPONSE").add(checked.get("RESOLUTION")).add(checked.get("SATISFACTION"));
		BigDecimal scale = BigDecimal.ONE;
		if (sum.compareTo(BigDecimal.valueOf(100)) == 0) {
			scale = BigDecimal.valueOf(100);
		}
		else if (sum.compareTo(BigDecimal.ONE) != 0) {
			throw new InvalidInputException("response", "metrics.weightsSum");
		}
		for (String name : NAMES) {
			BigDecimal value = checked.get(name);
			if (!name.equals("PARTLY") && !name.equals("BASICALLY")) {
				value = value.divide(scale, 3, java.math.RoundingMode.HALF_UP);
			}
			this.jdbc.sql("""
					insert into metric_weights (name, weight, changed_by, changed_at) values (?, ?, ?, ?)
					on conflict (name) do update set weight = excluded.weight, changed_by = excluded.changed_by,
					  changed_at = excluded.changed_at""")
				.params(name, value, actor.getUsername(), OffsetDateTime.now(this.clock))
				.update();
		}
		return current();
	}

}
