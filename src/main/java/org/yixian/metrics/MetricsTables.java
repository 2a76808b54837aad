package org.yixian.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yixian.casework.CaseSummary;

/**
 * The metrics tables as rows with translated headers, for the Excel exports and the
 * monthly report: the scorecard, a unit's figures, the categories and the cases behind a
 * figure.
 */
@Component
class MetricsTables {

	static final String[] SCORE_COLUMNS = { "metrics.rank", "metrics.unit", "metrics.dispatched",
			"metrics.responseRate", "metrics.resolutionRate", "metrics.satisfactionRate", "metrics.onTimeRate",
			"metrics.returnRate", "metrics.reopenRate", "metrics.extensionRate", "metrics.overdueNow",
			"metrics.score" };

	private final MessageSource messages;

	MetricsTables(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private List<String> header(String... keys) {
		List<String> header = new ArrayList<>();
		for (String key : keys) {
			header.add(text(key));
		}
		return header;
	}

	Sheets.Table scorecard(String name, List<MetricsQueries.Ranked> rows) {
		List<List<Object>> values = new ArrayList<>();
		for (MetricsQueries.Ranked r : rows) {
			Figures f = r.figures();
			values.add(java.util.Arrays.asList(r.rank(), f.unitName(), f.dispatched(), f.responseRate(),
					f.resolutionRate(), f.satisfactionRate(), f.onTimeRate(), f.returnRate(), f.reopenRate(),
					f.extensionRate(), f.overdueNow(), f.score()));
		}
		return new Sheets.Table(name, header(SCORE_COLUMNS), values);
	}

	Sheets.Table figures(Tiles tiles) {
		List<List<Object>> values = new ArrayList<>();
		for (Tiles.Tile tile : tiles.demand()) {
			values.add(List.of(text(tile.label()), tile.value()));
		}
		for (Tiles.Tile tile : tiles.petition()) {
			values.add(List.of(text("metrics.petitions") + "·" + text(tile.label()), tile.value()));
		}
		return new Sheets.Table(text("metrics.figures"), header("metrics.figure", "metrics.value"), values);
	}

	Sheets.Table categories(Map<String, Long> categories) {
		List<List<Object>> values = new ArrayList<>();
		categories.forEach((name, n) -> values.add(List.of(name, n)));
		return new Sheets.Table(text("metrics.categories"), header("metrics.category", "metrics.registered"), values);
	}

	Sheets.Table cases(List<CaseSummary> cases) {
		List<List<Object>> values = new ArrayList<>();
		for (CaseSummary c : cases) {
			values.add(java.util.Arrays.asList(c.number(), c.title(), c.status().name(), c.assignedUnitName(),
					(c.receivedAt() != null) ? c.receivedAt().toLocalDate().toString() : null));
		}
		return new Sheets.Table(text("metrics.cases"),
				header("case.number", "case.title", "case.status", "metrics.unit", "metrics.receivedOn"), values);
	}

}
