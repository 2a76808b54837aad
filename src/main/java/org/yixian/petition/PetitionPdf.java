package org.yixian.petition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.yixian.shared.ChinesePdf;

/**
 * Renders the written decisions of the petition office — 处理意见书, 复查意见书 and 复核意见书 — as A4
 * PDF documents in Simplified Chinese, laid out like an official letter.
 * <p>
 * The text is set in {@code STSong-Light}, one of the standard CJK fonts that the PDF
 * specification names, addressed through the predefined CMap {@code UniGB-UCS2-H}: the
 * content stream carries UCS-2 codes and no font program is embedded. Every PDF reader
 * supplies a Song face for that font (Acrobat its own, pdf.js, PDFium, Poppler and
 * Preview a substitute), so nothing has to be installed on the server, no font has to be
 * licensed or shipped, and a one-page letter stays a few kilobytes. Apache PDFBox
 * (Apache-2.0) writes the file, and its FontBox part carries the CMap, which tells the
 * glyph of each character and so its width for line breaking. A ToUnicode CMap is written
 * as well, so that text extractors which do not know the Adobe-GB1 collection still read
 * back the right characters. What this gives up: the glyphs are drawn by the reader's
 * font (an archival PDF/A copy would need an embedded font), characters outside the
 * Adobe-GB1-4 repertoire (GBK and CJK Extension A) show as blanks yet extract correctly,
 * and characters outside the Basic Multilingual Plane, which UCS-2 cannot encode, are
 * printed as 〓.
 */
final class PetitionPdf {

	private static final float MM = 72f / 25.4f;

	private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();

	private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();

	// Margins after GB/T 9704 (official documents): 37 mm top, 28 mm left, 156 mm
	// text width, 225 mm text height.
	private static final float LEFT = 28 * MM;

	private static final float TEXT_WIDTH = 156 * MM;

	private static final float TOP = PAGE_HEIGHT - 37 * MM;

	private static final float BOTTOM = TOP - 225 * MM;

	private static final float UNIT_SIZE = 16;

	private static final float TITLE_SIZE = 22;

	private static final float BODY_SIZE = 16;

	private static final float BODY_LEADING = 28;

	private static final float FOOTER_SIZE = 10.5f;

	private static final float FOOTER_LEADING = 16;

	private static final float PAGE_NUMBER_SIZE = 12;

	/** Characters that must not begin a line (they hang into the margin instead). */
	private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%";

	/** Characters that must not end a line (they move on to the next one). */
	private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

	private PetitionPdf() {
	}

	/**
	 * Renders a letter.
	 * @param letter the letter; every field but the letter itself may be {@code null}
	 * @return the PDF document
	 */
	static byte[] render(Letter letter) {
		Objects.requireNonNull(letter, "letter");
		try (PDDocument document = new PDDocument()) {
			Composer composer = new Composer();
			compose(letter, composer);
			composer.canvas.writeTo(document);
			describe(letter, document);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render the letter as PDF", ex);
		}
	}

	private static void compose(Letter letter, Composer composer) {
		String unitName = clean(letter.unitName());
		String title = clean(letter.documentTitle());
		if (!unitName.isEmpty()) {
			composer.centred(unitName, UNIT_SIZE, BODY_LEADING);
		}
		if (!title.isEmpty()) {
			composer.space(8);
			composer.centred(title, TITLE_SIZE, 36);
		}
		composer.space(BODY_LEADING / 2);
		composer.field("编号：", letter.caseNumber());
		composer.field("信访人：", letter.petitionerName());
		composer.field("处理结果：", letter.outcomeLabel());
		composer.space(BODY_LEADING / 2);
		String text = (letter.text() != null) ? letter.text() : "";
		for (String paragraph : text.split("\r\n|\r|\n")) {
			String cleaned = clean(paragraph);
			if (!cleaned.isEmpty()) {
				composer.paragraph(cleaned);
			}
		}
		List<String> signature = new ArrayList<>();
		if (!unitName.isEmpty()) {
			signature.add(unitName);
		}
		if (letter.issuedOn() != null) {
			signature.add(chineseDate(letter.issuedOn()));
		}
		composer.signature(signature);
		composer.footer(clean(letter.footer()));
	}

	private static void describe(Letter letter, PDDocument document) {
		PDDocumentInformation info = document.getDocumentInformation();
		String title = clean(letter.documentTitle());
		String caseNumber = clean(letter.caseNumber());
		String fullTitle = (title + " " + caseNumber).strip();
		if (!fullTitle.isEmpty()) {
			info.setTitle(fullTitle);
		}
		String unitName = clean(letter.unitName());
		if (!unitName.isEmpty()) {
			info.setAuthor(unitName);
		}
		info.setCreator("Yixian");
		document.getDocumentCatalog().setLanguage("zh-CN");
		PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
		preferences.setDisplayDocTitle(true);
		document.getDocumentCatalog().setViewerPreferences(preferences);
	}

	static String chineseDate(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/**
	 * Returns the text without leading and trailing white space, tabs as spaces and other
	 * control characters removed; {@code null} becomes the empty string.
	 */
	private static String clean(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder cleaned = new StringBuilder(text.length());
		text.codePoints().forEach((codePoint) -> {
			if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
				cleaned.append(' ');
			}
			else if (!Character.isISOControl(codePoint) && codePoint != '\uFEFF') {
				cleaned.appendCodePoint(codePoint);
			}
		});
		return cleaned.toString().strip();
	}

	/**
	 * Breaks a paragraph into lines: between any two Chinese characters, between an ASCII
	 * word and its neighbours, never before closing or after opening punctuation.
	 * @param text the paragraph
	 * @param size the font size
	 * @param firstWidth the width available to the first line
	 * @param width the width available to the other lines
	 * @return the lines
	 */
	static List<Line> wrap(String text, float size, float firstWidth, float width) {
		List<Line> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		float lineWidth = 0;
		List<String> tokens = tokens(text);
		int i = 0;
		while (i < tokens.size()) {
			String token = tokens.get(i);
			float available = lines.isEmpty() ? firstWidth : width;
			float tokenWidth = ChinesePdf.width(token, size);
			if (line.length() == 0 && token.equals(" ") && !lines.isEmpty()) {
				i++;
			}
			else if (lineWidth + tokenWidth <= available + 0.01f) {
				line.append(token);
				lineWidth += tokenWidth;
				i++;
			}
			else if (line.length() > 0 && NO_LINE_START.contains(token) && lineWidth + tokenWidth <= available + size) {
				// hanging punctuation
				line.append(token);
				lines.add(new Line(line.toString(), lineWidth + tokenWidth, false));
				line.setLength(0);
				lineWidth = 0;
				i++;
			}
			else if (line.length() == 0) {
				// a word wider than the line: break it anywhere
				int fits = 1;
				while (fits < token.length() && ChinesePdf.width(token.substring(0, fits + 1), size) <= available) {
					fits++;
				}
				lines.add(new Line(token.substring(0, fits), ChinesePdf.width(token.substring(0, fits), size), false));
				tokens.set(i, token.substring(fits));
			}
			else {
				String carried = "";
				int last = line.length() - 1;
				if (last > 0 && NO_LINE_END.indexOf(line.charAt(last)) >= 0) {
					carried = line.substring(last);
					line.setLength(last);
				}
				String full = line.toString().stripTrailing();
				lines.add(new Line(full, ChinesePdf.width(full, size), false));
				line.setLength(0);
				line.append(carried);
				lineWidth = ChinesePdf.width(carried, size);
			}
		}
		if (line.length() > 0 || lines.isEmpty()) {
			String full = line.toString().stripTrailing();
			lines.add(new Line(full, ChinesePdf.width(full, size), true));
		}
		return lines;
	}

	/**
	 * Splits text into the units that line breaking keeps together: runs of printable
	 * ASCII other than the space (words, numbers, addresses), and single characters
	 * otherwise (supplementary characters as their surrogate pair).
	 */
	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int end = i + Character.charCount(text.codePointAt(i));
			if (isWordCharacter(text.charAt(i))) {
				while (end < text.length() && isWordCharacter(text.charAt(end))) {
					end++;
				}
			}
			tokens.add(text.substring(i, end));
			i = end;
		}
		return tokens;
	}

	private static boolean isWordCharacter(char c) {
		return c > ' ' && c < 0x7F;
	}

	/**
	 * A letter to render.
	 *
	 * @param documentTitle the kind of document, such as 信访事项处理意见书
	 * @param unitName the issuing unit, printed at the top and above the date
	 * @param caseNumber the number of the petition matter
	 * @param petitionerName the petitioner (or the first of several)
	 * @param outcomeLabel the outcome, such as 支持 or 不予支持
	 * @param text the body, paragraphs separated by line breaks
	 * @param issuedOn the date of issue
	 * @param footer a notice printed small at the bottom of the last page, such as the
	 * right to ask for a review within 30 days
	 */
	record Letter(String documentTitle, String unitName, String caseNumber, String petitionerName, String outcomeLabel,
			String text, LocalDate issuedOn, String footer) {

	}

	/**
	 * A line of text and its natural width in points.
	 *
	 * @param text the characters
	 * @param width the natural width
	 * @param last whether it ends its paragraph (and is not justified)
	 */
	record Line(String text, float width, boolean last) {

	}

	/**
	 * Lays the letter out top to bottom, page by page, as content stream operators, and
	 * keeps track of the characters used for the ToUnicode CMap.
	 */
	private static final class Composer {

		private final ChinesePdf.Canvas canvas = new ChinesePdf.Canvas();

		/** The top of the next line. */
		private float y;

		Composer() {
			newPage();
		}

		private void newPage() {
			this.canvas.newPage();
			this.y = TOP;
			String number = "— " + this.canvas.pageCount() + " —";
			float width = ChinesePdf.width(number, PAGE_NUMBER_SIZE);
			this.canvas.show(number, (PAGE_WIDTH - width) / 2, BOTTOM - 7 * MM - PAGE_NUMBER_SIZE, PAGE_NUMBER_SIZE, 0);
		}

		void space(float height) {
			if (this.y < TOP) {
				this.y = Math.max(this.y - height, BOTTOM);
			}
		}

		void centred(String text, float size, float leading) {
			for (Line line : wrap(text, size, TEXT_WIDTH, TEXT_WIDTH)) {
				line(line.text(), LEFT + (TEXT_WIDTH - line.width()) / 2, size, leading, 0);
			}
		}

		void field(String label, String value) {
			String cleaned = clean(value);
			if (!cleaned.isEmpty()) {
				for (Line line : wrap(label + cleaned, BODY_SIZE, TEXT_WIDTH, TEXT_WIDTH)) {
					line(line.text(), LEFT, BODY_SIZE, BODY_LEADING, 0);
				}
			}
		}

		void paragraph(String text) {
			float indent = 2 * BODY_SIZE;
			boolean first = true;
			for (Line line : wrap(text, BODY_SIZE, TEXT_WIDTH - indent, TEXT_WIDTH)) {
				float x = first ? LEFT + indent : LEFT;
				float available = first ? TEXT_WIDTH - indent : TEXT_WIDTH;
				line(line.text(), x, BODY_SIZE, BODY_LEADING, justification(line, available));
				first = false;
			}
		}

		/**
		 * The character spacing that makes a full line reach the right margin, or zero
		 * for the last line of a paragraph and for lines that would need visible gaps.
		 */
		private static float justification(Line line, float available) {
			int gaps = line.text().codePointCount(0, line.text().length()) - 1;
			float slack = available - line.width();
			if (line.last() || gaps < 1 || slack <= 0 || slack / gaps > 0.15f * BODY_SIZE) {
				return 0;
			}
			return slack / gaps;
		}

		/**
		 * The issuing unit and the date, each centred on the other, as a block that ends
		 * two characters short of the right margin.
		 */
		void signature(List<String> lines) {
			if (lines.isEmpty()) {
				return;
			}
			float right = LEFT + TEXT_WIDTH - 2 * BODY_SIZE;
			float blockWidth = 0;
			for (String line : lines) {
				blockWidth = Math.max(blockWidth, Math.min(ChinesePdf.width(line, BODY_SIZE), TEXT_WIDTH));
			}
			float left = Math.max(LEFT, right - blockWidth);
			if (this.y - (lines.size() + 1) * BODY_LEADING < BOTTOM) {
				newPage();
			}
			else {
				space(BODY_LEADING);
			}
			for (String text : lines) {
				for (Line line : wrap(text, BODY_SIZE, TEXT_WIDTH, TEXT_WIDTH)) {
					float x = Math.max(LEFT, left + (blockWidth - line.width()) / 2);
					line(line.text(), x, BODY_SIZE, BODY_LEADING, 0);
				}
			}
		}

		/**
		 * The footer at the bottom of the last page, under a thin rule; on a new page if
		 * the last one is too full.
		 */
		void footer(String text) {
			if (text.isEmpty()) {
				return;
			}
			List<Line> lines = wrap(text, FOOTER_SIZE, TEXT_WIDTH, TEXT_WIDTH);
			float height = lines.size() * FOOTER_LEADING + 8;
			if (this.y - BODY_LEADING / 2 < BOTTOM + height) {
				newPage();
			}
			float top = BOTTOM + height;
			this.canvas.raw(new StringBuilder().append("0.5 w ")
				.append(ChinesePdf.number(LEFT))
				.append(' ')
				.append(ChinesePdf.number(top))
				.append(" m ")
				.append(ChinesePdf.number(LEFT + TEXT_WIDTH))
				.append(' ')
				.append(ChinesePdf.number(top))
				.append(" l S\n")
				.toString());
			this.y = top - 8;
			for (Line line : lines) {
				line(line.text(), LEFT, FOOTER_SIZE, FOOTER_LEADING, 0);
			}
		}

		private void line(String text, float x, float size, float leading, float characterSpacing) {
			if (this.y - leading < BOTTOM - 0.01f) {
				newPage();
			}
			float baseline = this.y - (leading - size) / 2 - size * 0.88f;
			this.canvas.show(text, x, baseline, size, characterSpacing);
			this.y -= leading;
		}

	}

}
