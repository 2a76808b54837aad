package org.yixian.casework;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yixian.organisation.Actor;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;
import org.yixian.shared.StreamedSheet;
import org.yixian.shared.TimeDisplay;

/**
 * A case list as an Excel workbook, streamed row by row (at most {@value #MAX_ROWS}
 * rows).
 */
@Component
class CaseExport {

	static final int MAX_ROWS = 10_000;

	private static final String[] COLUMNS = { "case.number", "case.title", "case.type", "case.channel", "case.status",
			"case.category", "case.area", "case.assignedUnit", "case.receivedAt", "case.dueAt", "export.warning",
			"export.returns" };

	private final CaseLists lists;

	private final MessageSource messages;

	private final TimeDisplay times;

	CaseExport(CaseLists lists, MessageSource messages, TimeDisplay times) {
		this.lists = lists;
		this.messages = messages;
		this.times = times;
	}

	void write(CaseQuery query, Actor actor, Locale locale, OutputStream out) throws IOException {
		try (StreamedSheet sheet = new StreamedSheet(text("cases.title", locale),
				Arrays.stream(COLUMNS).map((key) -> text(key, locale)).toList(), Set.of(1))) {
			for (int page = 0; sheet.rows() < MAX_ROWS; page++) {
				PageResult<CaseSummary> result = this.lists.search(query, actor, new Paging(page, 500));
				for (CaseSummary c : result.items()) {
					if (sheet.rows() >= MAX_ROWS) {
						break;
					}
					Row row = sheet.row();
					row.createCell(0).setCellValue(c.number());
					row.createCell(1).setCellValue(c.title());
					row.createCell(2).setCellValue((c.type() != null) ? text("type." + c.type(), locale) : "");
					row.createCell(3).setCellValue(text("channel." + c.channel(), locale));
					row.createCell(4).setCellValue(text("status." + c.status(), locale));
					row.createCell(5).setCellValue(StreamedSheet.orEmpty(c.categoryName()));
					row.createCell(6).setCellValue(StreamedSheet.orEmpty(c.areaUnitName()));
					row.createCell(7).setCellValue(StreamedSheet.orEmpty(c.assignedUnitName()));
					row.createCell(8).setCellValue(this.times.minutes(c.receivedAt()));
					row.createCell(9).setCellValue(this.times.minutes(c.currentDueAt()));
					row.createCell(10)
						.setCellValue((c.warningLevel() != null) ? text("warning." + c.warningLevel(), locale) : "");
					row.createCell(11).setCellValue(c.returnCount());
				}
				if (!result.hasNext()) {
					break;
				}
			}
			sheet.write(out);
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
