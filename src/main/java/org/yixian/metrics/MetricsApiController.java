package org.yixian.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.casework.CaseSummary;
import org.yixian.organisation.Actor;
import org.yixian.organisation.UnitKind;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * The metrics API: a unit's rates, the scorecard of a class of units, the cases behind a
 * figure, and the weights.
 */
@RestController
@RequestMapping("/api/v1/metrics")
class MetricsApiController {

	static final String READERS = "hasAnyRole('LEADER', 'ANALYST', 'SUPERVISOR', 'ADMIN')";

	static final String CITY_ADMIN = "hasRole('ADMIN') and hasAuthority('SCOPE_CITY')";

	/** The four classes of unit that are ranked against each other. */
	static final Set<UnitKind> RANKED = Set.of(UnitKind.DISTRICT, UnitKind.DEPARTMENT, UnitKind.STREET,
			UnitKind.UTILITY);

	private final MetricsQueries queries;

	private final DrillDown drillDown;

	private final Weights weights;

	private final Clock clock;

	MetricsApiController(MetricsQueries queries, DrillDown drillDown, Weights weights, Clock clock) {
		this.queries = queries;
		this.drillDown = drillDown;
		this.weights = weights;
		this.clock = clock;
	}

	@GetMapping("/rates")
	@PreAuthorize(READERS)
	Figures rates(@RequestParam(required = false) String unitCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor) {
		return this.queries.rates(this.queries.unit(unitCode, actor), Period.of(from, to, this.clock), actor);
	}

	@GetMapping("/scorecard")
	@PreAuthorize(READERS)
	Scorecard scorecard(@RequestParam(required = false) String unitKind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor) {
		UnitKind kind = rankedKind(unitKind);
		Period period = Period.of(from, to, this.clock);
		List<Item> items = this.queries.scorecard(kind, period, actor)
			.stream()
			.map((r) -> new Item(r.figures().unitCode(), r.figures().unitName(), r.rank(), r.figures()))
			.toList();
		return new Scorecard(kind, period.from(), period.to(), this.weights.current().asMap(), items);
	}

	static UnitKind rankedKind(String unitKind) {
		if (unitKind == null || unitKind.isBlank()) {
			return UnitKind.DISTRICT;
		}
		for (UnitKind kind : RANKED) {
			if (kind.name().equalsIgnoreCase(unitKind.strip())) {
				return kind;
			}
		}
		throw new InvalidInputException("unitKind", "metrics.unitKind");
	}

	/**
	 * The scorecard of one class of units.
	 */
	record Scorecard(UnitKind unitKind, LocalDate from, LocalDate to, Map<String, Double> weights, List<Item> items) {
	}

	/**
	 * A ranked unit: its rank (none without a score) and its figures.
	 */
	record Item(String unitCode, String unitName, Integer rank, Figures figures) {
	}

	@GetMapping("/cases")
	@PreAuthorize(READERS)
	PageResult<CaseSummary> cases(@RequestParam(required = false) String unitCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String measure, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor) {
		DrillDown.measure(measure);
		return this.drillDown.cases(this.queries.unit(unitCode, actor), Period.of(from, to, this.clock), measure, actor,
				Paging.of(page, size));
	}

	@GetMapping("/weights")
	@PreAuthorize(READERS)
	Map<String, Double> weights() {
		return this.weights.current().asMap();
	}

	@PutMapping("/weights")
	@PreAuthorize(CITY_ADMIN)
	Map<String, Double> changeWeights(@RequestBody Map<String, BigDecimal> values,
			@AuthenticationPrincipal Actor actor) {
		return this.weights.change(values, actor).asMap();
	}

}
