package org.yixian.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
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
 * The knowledge-base list as an Excel sheet: what the list page shows for the same
 * search, every page of it, with the whole answer.
 */
@Component
class KnowledgeExport {

	static final int MAX_ROWS = 10_000;

	private static final String[] COLUMNS = { "knowledge.title", "knowledge.keywords", "knowledge.category",
			"knowledge.responsibleUnit", "knowledge.status", "knowledge.validFrom", "knowledge.validUntil",
			"knowledge.uses", "knowledge.version", "knowledge.updatedAt", "knowledge.answer" };

	private final KnowledgeBase knowledge;

	private final MessageSource messages;

	private final TimeDisplay times;

	KnowledgeExport(KnowledgeBase knowledge, MessageSource messages, TimeDisplay times) {
		this.knowledge = knowledge;
		this.messages = messages;
		this.times = times;
	}

	/**
	 * The rows to export, read before the response starts, so that a bad search is still
	 * answered with an error page rather than half a file.
	 */
	Listing listing(String q, String category, ArticleStatus status, Actor actor) {
		List<Article> all = new ArrayList<>();
		for (int page = 0; all.size() < MAX_ROWS; page++) {
			PageResult<Article> result = this.knowledge.search(q, category, status, actor, new Paging(page, 500));
			all.addAll(result.items());
			if (!result.hasNext()) {
				break;
			}
		}
		return new Listing((all.size() > MAX_ROWS) ? all.subList(0, MAX_ROWS) : all);
	}

	void write(Listing listing, Locale locale, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(text("knowledge.list", locale));
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			Row head = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.length; i++) {
				head.createCell(i).setCellValue(text(COLUMNS[i], locale));
				head.getCell(i).setCellStyle(header);
				sheet.setColumnWidth(i, (i == 0 || i == 10) ? 40 * 256 : 16 * 256);
			}
			sheet.createFreezePane(0, 1);
			int n = 1;
			for (Article a : listing.articles()) {
				Row row = sheet.createRow(n++);
				row.createCell(0).setCellValue(a.title());
				row.createCell(1).setCellValue(a.keywords());
				row.createCell(2).setCellValue(nonNull(a.categoryName()));
				row.createCell(3).setCellValue(nonNull(a.responsibleUnitName()));
				row.createCell(4).setCellValue(text("knowledge.status." + a.status(), locale));
				row.createCell(5).setCellValue((a.validFrom() != null) ? a.validFrom().toString() : "");
				row.createCell(6).setCellValue((a.validUntil() != null) ? a.validUntil().toString() : "");
				row.createCell(7).setCellValue(a.usageCount());
				row.createCell(8).setCellValue(a.version());
				row.createCell(9).setCellValue(this.times.minutes(a.updatedAt()));
				row.createCell(10).setCellValue(a.answer());
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

	/**
	 * The articles of one export.
	 */
	record Listing(List<Article> articles) {
	}

}
