package org.yixian.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.yixian.shared.ChinesePdf;

/**
 * The monthly report as an A4 PDF in Chinese: the unit's figures, a bar chart of the
 * daily registrations drawn as vector bars, the ranking with its 红黑榜, the categories and
 * the cases overdue now as typical cases. Text through {@link ChinesePdf}, so that
 * readers and text extractors show it correctly.
 */
final class MonthlyReport {

	private static final float MM = 72f / 25.4f;

	private static final float WIDTH = PDRectangle.A4.getWidth();

	private static final float LEFT = 20 * MM;

	private static final float RIGHT = WIDTH - 20 * MM;

	private static final float TOP = PDRectangle.A4.getHeight() - 20 * MM;

	private static final float BOTTOM = 20 * MM;

	private final ChinesePdf.Canvas canvas = new ChinesePdf.Canvas();

	private float y;

	private MonthlyReport() {
		page();
	}

	/**
	 * What the report shows; the text is already translated.
	 */
	record Content(String title, String subtitle, List<String[]> figures, String trendTitle,
			Map<LocalDate, long[]> trend, String rankingTitle, List<String> rankingHeader, List<List<String>> ranking,
			String boardTitle, List<String> red, List<String> black, String categoriesTitle,
			Map<String, Long> categories, String casesTitle, List<String> cases, String empty) {
	}

	static byte[] render(Content content) {
		MonthlyReport report = new MonthlyReport();
		report.write(content);
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			report.canvas.writeTo(document);
			document.getDocumentInformation().setTitle(content.title());
			document.getDocumentInformation().setCreator("Yixian");
			document.getDocumentCatalog().setLanguage("zh-CN");
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render the monthly report", ex);
		}
	}

	private void write(Content c) {
		centred(c.title(), 18, 30);
		centred(c.subtitle(), 11, 24);
		heading("一、" + c.figures().get(0)[0]);
		for (int i = 1; i < c.figures().size(); i += 2) {
			String[] a = c.figures().get(i);
			String[] b = (i + 1 < c.figures().size()) ? c.figures().get(i + 1) : null;
			need(16);
			text(a[0] + "：" + a[1], LEFT, 10.5f);
			if (b != null) {
				text(b[0] + "：" + b[1], LEFT + (RIGHT - LEFT) / 2, 10.5f);
			}
			this.y -= 16;
		}
		heading("二、" + c.trendTitle());
		chart(c.trend());
		heading("三、" + c.rankingTitle());
		row(c.rankingHeader(), true);
		if (c.ranking().isEmpty()) {
			line(c.empty());
		}
		c.ranking().forEach((r) -> row(r, false));
		heading("四、" + c.boardTitle());
		line("红榜：" + (c.red().isEmpty() ? c.empty() : String.join("、", c.red())));
		line("黑榜：" + (c.black().isEmpty() ? c.empty() : String.join("、", c.black())));
		heading("五、" + c.categoriesTitle());
		if (c.categories().isEmpty()) {
			line(c.empty());
		}
		c.categories().forEach((name, n) -> line(name + "：" + n));
		heading("六、" + c.casesTitle());
		if (c.cases().isEmpty()) {
			line(c.empty());
		}
		c.cases().forEach(this::line);
	}

	private void page() {
		this.canvas.newPage();
		this.y = TOP;
		String number = "— " + this.canvas.pageCount() + " —";
		this.canvas.show(number, (WIDTH - ChinesePdf.width(number, 9)) / 2, BOTTOM - 20, 9, 0);
	}

	private void need(float height) {
		if (this.y - height < BOTTOM) {
			page();
		}
	}

	private void centred(String text, float size, float leading) {
		need(leading);
		text(text, (WIDTH - ChinesePdf.width(text, size)) / 2, size);
		this.y -= leading;
	}

	private void heading(String text) {
		need(40);
		this.y -= 8;
		text(text, LEFT, 13);
		this.y -= 22;
	}

	private void line(String text) {
		need(16);
		String shown = text;
		while (ChinesePdf.width(shown, 10.5f) > RIGHT - LEFT && shown.length() > 1) {
			shown = shown.substring(0, shown.length() - 2) + "…";
		}
		text(shown, LEFT, 10.5f);
		this.y -= 16;
	}

	private void row(List<String> cells, boolean header) {
		need(16);
		float column = (RIGHT - LEFT - 60) / Math.max(1, cells.size() - 1);
		for (int i = 0; i < cells.size(); i++) {
			String cell = (cells.get(i) != null) ? cells.get(i) : "—";
			float x = (i == 0) ? LEFT : LEFT + 30 + (i - 1) * column + ((i == 1) ? 0 : 30);
			if (i == 1 && ChinesePdf.width(cell, 9.5f) > column + 25) {
				cell = cell.substring(0, Math.min(cell.length(), 9)) + "…";
			}
			text(cell, x, 9.5f);
		}
		if (header) {
			this.canvas.raw("0.5 w " + ChinesePdf.number(LEFT) + " " + ChinesePdf.number(this.y - 4) + " m "
					+ ChinesePdf.number(RIGHT) + " " + ChinesePdf.number(this.y - 4) + " l S\n");
		}
		this.y -= 16;
	}

	/**
	 * Bars of the first series (registrations) per day, with the largest value labelled.
	 */
	private void chart(Map<LocalDate, long[]> trend) {
		float height = 90;
		need(height + 30);
		long max = 1;
		for (long[] v : trend.values()) {
			max = Math.max(max, v[0]);
		}
		float base = this.y - height;
		float step = (RIGHT - LEFT) / Math.max(1, trend.size());
		this.canvas.raw("0.5 w " + ChinesePdf.number(LEFT) + " " + ChinesePdf.number(base) + " m "
				+ ChinesePdf.number(RIGHT) + " " + ChinesePdf.number(base) + " l S\n");
		int i = 0;
		for (Map.Entry<LocalDate, long[]> day : trend.entrySet()) {
			float barHeight = height * day.getValue()[0] / max;
			float x = LEFT + i * step + step * 0.15f;
			this.canvas.raw("0.70 0.15 0.12 rg " + ChinesePdf.number(x) + " " + ChinesePdf.number(base) + " "
					+ ChinesePdf.number(step * 0.7f) + " " + ChinesePdf.number(barHeight) + " re f 0 g\n");
			if (i % 5 == 0) {
				this.canvas.show(Integer.toString(day.getKey().getDayOfMonth()), x, base - 9, 7, 0);
			}
			i++;
		}
		this.canvas.show("max " + max, LEFT, this.y + 2, 7, 0);
		this.y = base - 24;
	}

	private void text(String text, float x, float size) {
		this.canvas.show(text, x, this.y - size, size, 0);
	}

}
