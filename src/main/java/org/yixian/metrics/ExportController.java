package org.yixian.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yixian.casework.CaseSummary;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.UnitKind;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.Paging;

/**
 * Downloads: every metrics table as Excel (the dashboard's figures and categories, the
 * scorecard, the cases behind a figure) and the monthly report as PDF.
 */
@Controller
class ExportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final int REPORT_CASES = 10;

	private final MetricsQueries queries;

	private final DrillDown drillDown;

	private final MetricsTables tables;

	private final Clock clock;

	ExportController(MetricsQueries queries, DrillDown drillDown, MetricsTables tables, Clock clock) {
		this.queries = queries;
		this.drillDown = drillDown;
		this.tables = tables;
		this.clock = clock;
	}

	@GetMapping("/metrics/dashboard.xlsx")
	@PreAuthorize(MetricsApiController.READERS)
	ResponseEntity<byte[]> dashboard(@RequestParam(required = false) String unitCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor) {
		Period period = Period.of(from, to, this.clock);
		Unit unit = this.queries.unit(unitCode, actor);
		Figures figures = this.queries.rates(unit, period, actor);
		return file("metrics-" + unit.code() + ".xlsx", XLSX,
				Sheets.workbook(List.of(this.tables.figures(Tiles.of(figures)),
						this.tables.categories(this.queries.categories(unit, period, actor)))));
	}

	@GetMapping("/metrics/scorecard.xlsx")
	@PreAuthorize(MetricsApiController.READERS)
	ResponseEntity<byte[]> scorecard(@RequestParam(required = false) String unitKind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor) {
		UnitKind kind = MetricsApiController.rankedKind(unitKind);
		Period period = Period.of(from, to, this.clock);
		return file("scorecard-" + kind.name().toLowerCase() + ".xlsx", XLSX, Sheets.workbook(List.of(this.tables
			.scorecard(this.tables.text("metrics.kind." + kind.name()), this.queries.scorecard(kind, period, actor)))));
	}

	@GetMapping("/metrics/cases.xlsx")
	@PreAuthorize(MetricsApiController.READERS)
	ResponseEntity<byte[]> cases(@RequestParam(required = false) String unitCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String measure, @AuthenticationPrincipal Actor actor) {
		Period period = Period.of(from, to, this.clock);
		Unit unit = this.queries.unit(unitCode, actor);
		List<CaseSummary> cases = this.drillDown
			.cases(unit, period, (measure == null || measure.isBlank()) ? "DISPATCHED" : measure, actor,
					new Paging(0, Paging.MAX_SIZE))
			.items();
		return file("cases.xlsx", XLSX, Sheets.workbook(List.of(this.tables.cases(cases))));
	}

	@GetMapping("/metrics/report.pdf")
	@PreAuthorize(MetricsApiController.READERS)
	ResponseEntity<byte[]> report(@RequestParam(required = false) String month,
			@RequestParam(required = false) String unitCode, @AuthenticationPrincipal Actor actor) {
		YearMonth yearMonth = month(month);
		Period period = Period.month(yearMonth);
		Unit unit = this.queries.unit(unitCode, actor);
		Figures figures = this.queries.rates(unit, period, actor);
		Tiles tiles = Tiles.of(figures);
		List<String[]> lines = new ArrayList<>();
		lines.add(new String[] { this.tables.text("metrics.figures") });
		tiles.demand().forEach((t) -> lines.add(new String[] { this.tables.text(t.label()), t.value() }));
		tiles.petition()
			.forEach((t) -> lines.add(new String[] {
					this.tables.text("metrics.petitions") + "·" + this.tables.text(t.label()), t.value() }));
		List<MetricsQueries.Ranked> ranking = this.queries.scorecard(UnitKind.DISTRICT, period, actor);
		Sheets.Table table = this.tables.scorecard("", ranking);
		List<List<String>> rows = new ArrayList<>();
		for (List<Object> row : table.rows()) {
			rows.add(List.of(text(row.get(0)), text(row.get(1)), text(row.get(2)), text(row.get(3)), text(row.get(4)),
					text(row.get(5)), text(row.get(11))));
		}
		List<String> header = List.of(table.header().get(0), table.header().get(1), table.header().get(2),
				table.header().get(3), table.header().get(4), table.header().get(5), table.header().get(11));
		List<String> scored = ranking.stream()
			.filter((r) -> r.rank() != null)
			.map((r) -> r.figures().unitName())
			.toList();
		int board = Math.min(MetricsPageController.BOARD, scored.size() / 2);
		List<String> black = new ArrayList<>(scored.subList(scored.size() - board, scored.size()));
		java.util.Collections.reverse(black);
		List<String> typical = this.drillDown.cases(unit, period, "OVERDUE", actor, new Paging(0, REPORT_CASES))
			.items()
			.stream()
			.map((c) -> c.number() + " " + c.title() + "（" + c.assignedUnitName() + "）")
			.toList();
		Map<String, Long> categories = this.queries.categories(unit, period, actor);
		byte[] pdf = MonthlyReport.render(new MonthlyReport.Content(
				this.tables.text("metrics.report.title", unit.name(), String.valueOf(yearMonth.getYear()),
						String.valueOf(yearMonth.getMonthValue())),
				this.tables.text("metrics.report.subtitle", period.from(), period.to()), lines,
				this.tables.text("metrics.trend"), this.queries.trend(unit, period, actor),
				this.tables.text("metrics.ranking.districts"), header, rows, this.tables.text("metrics.board"),
				scored.subList(0, board), black, this.tables.text("metrics.categories"), categories,
				this.tables.text("metrics.report.typical"), typical, this.tables.text("metrics.none")));
		return file("report-" + yearMonth + ".pdf", MediaType.APPLICATION_PDF, pdf);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "—";
	}

	private YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.now(this.clock);
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("month", "typeMismatch");
		}
	}

	private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] content) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(content);
	}

}
