package org.yixian.casework;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yixian.organisation.Actor;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;
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
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(text("cases.title", locale));
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			Row head = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.length; i++) {
				head.createCell(i).setCellValue(text(COLUMNS[i], locale));
				head.getCell(i).setCellStyle(header);
				sheet.setColumnWidth(i, (i == 1) ? 40 * 256 : 16 * 256);
			}
			sheet.createFreezePane(0, 1);
			int rowNumber = 1;
			for (int page = 0; rowNumber <= MAX_ROWS; page++) {
				PageResult<CaseSummary> result = this.lists.search(query, actor, new Paging(page, 500));
				List<CaseSummary> items = result.items();
				for (CaseSummary c : items) {
					if (rowNumber > MAX_ROWS) {
						break;
					}
					Row row = sheet.createRow(rowNumber++);
					row.createCell(0).setCellValue(c.number());
					row.createCell(1).setCellValue(c.title());
					row.createCell(2).setCellValue((c.type() != null) ? text("type." + c.type(), locale) : "");
					row.createCell(3).setCellValue(text("channel." + c.channel(), locale));
					row.createCell(4).setCellValue(text("status." + c.status(), locale));
					row.createCell(5).setCellValue(nonNull(c.categoryName()));
					row.createCell(6).setCellValue(nonNull(c.areaUnitName()));
					row.createCell(7).setCellValue(nonNull(c.assignedUnitName()));
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
			workbook.write(out);
			workbook.dispose();
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}
