package org.yixian.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.UnitKind;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.Paging;

/**
 * The metrics pages for leaders, supervisors and analysts: the dashboard of a unit's
 * figures (each a link to the cases behind it) with trend, categories and ranking charts;
 * the scorecard of a class of units with its 红黑榜 and, for the city's administrators, the
 * weights; and the drill-down list.
 */
@Controller
class MetricsPageController {

	static final int BOARD = 3;

	private final MetricsQueries queries;

	private final DrillDown drillDown;

	private final Weights weights;

	private final MessageSource messages;

	private final Clock clock;

	MetricsPageController(MetricsQueries queries, DrillDown drillDown, Weights weights, MessageSource messages,
			Clock clock) {
		this.queries = queries;
		this.drillDown = drillDown;
		this.weights = weights;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/metrics")
	@PreAuthorize(MetricsApiController.READERS)
	String dashboard(@RequestParam(required = false) String unitCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor, Model model) {
		Period period = Period.of(from, to, this.clock);
		Unit unit = this.queries.unit(unitCode, actor);
		Figures figures = this.queries.rates(unit, period, actor);
		model.addAttribute("period", period);
		model.addAttribute("unit", unit);
		model.addAttribute("units", pickable(actor));
		model.addAttribute("figures", figures);
		model.addAttribute("tiles", Tiles.of(figures));
		model.addAttribute("trendChart",
				Charts.trend(this.queries.trend(unit, period, actor), List.of(text("metrics.registered"),
						text("metrics.dispatched"), text("metrics.visited"), text("metrics.satisfied"))));
		Map<String, Long> categories = this.queries.categories(unit, period, actor);
		model.addAttribute("categories", categories);
		model.addAttribute("categoryChart", Charts.bars(text("metrics.registered"), categories));
		List<MetricsQueries.Ranked> ranking = this.queries.scorecard(UnitKind.DISTRICT, period, actor);
		Map<String, Double> scores = new LinkedHashMap<>();
		ranking.stream()
			.filter((r) -> r.rank() != null)
			.forEach((r) -> scores.put(r.figures().unitName(), r.figures().score()));
		model.addAttribute("ranking", ranking);
		model.addAttribute("rankingChart", Charts.bars(text("metrics.score"), scores));
		return "metrics/dashboard";
	}

	private List<Unit> pickable(Actor actor) {
		return this.queries.pickable(actor);
	}

	@GetMapping("/metrics/scorecard")
	@PreAuthorize(MetricsApiController.READERS)
	String scorecard(@RequestParam(required = false) String unitKind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor, Model model) {
		UnitKind kind = MetricsApiController.rankedKind(unitKind);
		Period period = Period.of(from, to, this.clock);
		List<MetricsQueries.Ranked> rows = this.queries.scorecard(kind, period, actor);
		List<MetricsQueries.Ranked> scored = rows.stream().filter((r) -> r.rank() != null).toList();
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", List.of(UnitKind.DISTRICT, UnitKind.DEPARTMENT, UnitKind.STREET, UnitKind.UTILITY));
		model.addAttribute("period", period);
		model.addAttribute("rows", rows);
		model.addAttribute("red", scored.subList(0, Math.min(BOARD, scored.size())));
		List<MetricsQueries.Ranked> black = new ArrayList<>(
				scored.subList(Math.max(Math.min(BOARD, scored.size()), scored.size() - BOARD), scored.size()));
		java.util.Collections.reverse(black);
		model.addAttribute("black", black);
		if (!model.containsAttribute("weightsForm")) {
			Weights.Values w = this.weights.current();
			model.addAttribute("weightsForm", new WeightsForm(str(w.partly()), str(w.basically()), str(w.response()),
					str(w.resolution()), str(w.satisfaction())));
		}
		return "metrics/scorecard";
	}

	private static String str(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/**
	 * The weights as typed.
	 */
	record WeightsForm(String partly, String basically, String response, String resolution, String satisfaction) {
	}

	@PostMapping("/metrics/weights")
	@PreAuthorize(MetricsApiController.CITY_ADMIN)
	String changeWeights(@ModelAttribute WeightsForm form, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect) {
		List<String> problems = new ArrayList<>();
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		String[] typed = { form.partly(), form.basically(), form.response(), form.resolution(), form.satisfaction() };
		for (int i = 0; i < Weights.NAMES.length; i++) {
			try {
				values.put(Weights.NAMES[i], new BigDecimal((typed[i] != null) ? typed[i].strip() : ""));
			}
			catch (NumberFormatException ex) {
				problems.add(field(Weights.NAMES[i].toLowerCase()) + "：" + text("typeMismatch"));
			}
		}
		if (problems.isEmpty()) {
			try {
				this.weights.change(values, actor);
				redirect.addFlashAttribute("notice", "metrics.weights.saved");
				return "redirect:/metrics/scorecard";
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach((e) -> problems.add(field(e.field()) + "：" + text(e.key(), e.args().toArray())));
			}
		}
		redirect.addFlashAttribute("weightErrors", problems);
		redirect.addFlashAttribute("weightsForm", form);
		return "redirect:/metrics/scorecard";
	}

	@GetMapping("/metrics/cases")
	@PreAuthorize(MetricsApiController.READERS)
	String cases(@RequestParam(required = false) String unitCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String measure, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal Actor actor, Model model) {
		Period period = Period.of(from, to, this.clock);
		Unit unit = this.queries.unit(unitCode, actor);
		String name = DrillDown.measure((measure == null || measure.isBlank()) ? "DISPATCHED" : measure);
		model.addAttribute("period", period);
		model.addAttribute("unit", unit);
		model.addAttribute("measure", name);
		model.addAttribute("result", this.drillDown.cases(unit, period, name, actor, Paging.of(page, 50)));
		return "metrics/cases";
	}

	private String field(String name) {
		return this.messages.getMessage("field." + name, null, name, LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
