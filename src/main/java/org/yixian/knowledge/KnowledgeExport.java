package org.yixian.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
		try (StreamedSheet sheet = new StreamedSheet(text("knowledge.list", locale),
				Arrays.stream(COLUMNS).map((key) -> text(key, locale)).toList(), Set.of(0, 10))) {
			for (Article a : listing.articles()) {
				Row row = sheet.row();
				row.createCell(0).setCellValue(a.title());
				row.createCell(1).setCellValue(a.keywords());
				row.createCell(2).setCellValue(StreamedSheet.orEmpty(a.categoryName()));
				row.createCell(3).setCellValue(StreamedSheet.orEmpty(a.responsibleUnitName()));
				row.createCell(4).setCellValue(text("knowledge.status." + a.status(), locale));
				row.createCell(5).setCellValue((a.validFrom() != null) ? a.validFrom().toString() : "");
				row.createCell(6).setCellValue((a.validUntil() != null) ? a.validUntil().toString() : "");
				row.createCell(7).setCellValue(a.usageCount());
				row.createCell(8).setCellValue(a.version());
				row.createCell(9).setCellValue(this.times.minutes(a.updatedAt()));
				row.createCell(10).setCellValue(a.answer());
			}
			sheet.write(out);
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	/**
	 * The articles of one export.
	 */
	record Listing(List<Article> articles) {
	}

}
