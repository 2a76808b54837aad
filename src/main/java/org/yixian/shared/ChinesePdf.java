package org.yixian.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Chinese text in PDF documents (the petition office's letters, the monthly metrics
 * report): set in {@code STSong-Light}, one of the standard CJK fonts that the PDF
 * specification names, addressed through the predefined CMap {@code UniGB-UCS2-H}, so
 * that no font program is embedded and every reader supplies a Song face; a ToUnicode
 * CMap lets text extractors read the characters back. Characters outside the Basic
 * Multilingual Plane are printed as 〓. Layout is the caller's: a {@link Canvas} takes
 * text at positions, page by page, and writes the pages into a document.
 */
public final class ChinesePdf {

	private static final String FONT_RESOURCE = "F1";

	private static final String FONT_NAME = "STSong-Light";

	private static final String ENCODING = "UniGB-UCS2-H";

	/** Printed in place of a character that UCS-2 cannot encode. */
	private static final char GETA = '〓';

	/**
	 * Advance widths (per 1000 em) of CIDs 1–95, the proportional Latin glyphs that
	 * UniGB-UCS2-H maps U+0020–U+007E to; every other glyph used here is full width.
	 */
	private static final int[] LATIN_WIDTHS = { 207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375,
			238, 334, 462, 462, 462, 462, 462, 462, 462, 462, 462, 462, 238, 238, 605, 605, 605, 344, 748, 684, 560,
			695, 739, 563, 511, 729, 793, 318, 312, 666, 526, 896, 758, 772, 544, 772, 628, 465, 607, 753, 711, 972,
			647, 620, 607, 374, 333, 374, 606, 500, 239, 417, 503, 427, 529, 415, 264, 444, 518, 241, 230, 495, 228,
			793, 527, 524, 524, 504, 338, 336, 277, 517, 450, 652, 466, 452, 407, 370, 258, 370, 605 };

	private ChinesePdf() {
	}

	/**
	 * The width of a character in points.
	 */
	public static float width(int codePoint, float size) {
		int cid = Glyphs.CMAP.toCID(code(codePoint), 2);
		int width = 1000;
		if (cid >= 1 && cid <= LATIN_WIDTHS.length) {
			width = LATIN_WIDTHS[cid - 1];
		}
		return width * size / 1000;
	}

	public static float width(CharSequence text, float size) {
		return (float) text.codePoints().mapToDouble((codePoint) -> width(codePoint, size)).sum();
	}

	/**
	 * The two-byte UniGB-UCS2-H code a character is printed with.
	 */
	private static int code(int codePoint) {
		if (codePoint > 0xFFFF || Character.isSurrogate((char) codePoint)) {
			return GETA;
		}
		if (codePoint == 0x00B7) {
			// MIDDLE DOT (as in names such as 阿依古丽·买买提) is only mapped as
			// KATAKANA MIDDLE DOT, the GB 2312 form
			return 0x30FB;
		}
		if (codePoint == 0x00A0) {
			return ' ';
		}
		return codePoint;
	}

	/**
	 * A number for a content stream: two decimals at most.
	 */
	public static String number(float value) {
		String formatted = String.format(Locale.ROOT, "%.2f", value);
		if (formatted.endsWith(".00")) {
			return formatted.substring(0, formatted.length() - 3);
		}
		return formatted;
	}

	/**
	 * The CMap that maps the codes to glyphs, loaded on first use.
	 */
	private static final class Glyphs {

		static final CMap CMAP = load();

		private static CMap load() {
			try {
				return new CMapParser().parsePredefined(ENCODING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The predefined CMap " + ENCODING + " is missing", ex);
			}
		}

	}

	/**
	 * Pages of content stream operators, and the characters used on them for the
	 * ToUnicode CMap.
	 */
	public static final class Canvas {

		private final List<StringBuilder> pages = new ArrayList<>();

		private final Map<Integer, String> used = new TreeMap<>();

		private StringBuilder content;

		/**
		 * Starts a new page; what follows is drawn on it.
		 */
		public void newPage() {
			this.content = new StringBuilder();
			this.pages.add(this.content);
		}

		public int pageCount() {
			return this.pages.size();
		}

		/**
		 * Appends content stream operators (lines, rectangles) to the current page.
		 */
		public void raw(String operators) {
			this.content.append(operators);
		}

		/**
		 * Shows text with its baseline at {@code baseline}, starting at {@code x}.
		 */
		public void show(String text, float x, float baseline, float size, float characterSpacing) {
			StringBuilder hex = new StringBuilder(text.length() * 4);
			text.codePoints().forEach((codePoint) -> {
				int code = code(codePoint);
				hex.append(String.format("%04X", code));
				this.used.put(code, (code == GETA) ? String.valueOf(GETA) : Character.toString(codePoint));
			});
			this.content.append("BT /")
				.append(FONT_RESOURCE)
				.append(' ')
				.append(number(size))
				.append(" Tf ")
				.append(number(characterSpacing))
				.append(" Tc ")
				.append(number(x))
				.append(' ')
				.append(number(baseline))
				.append(" Td <")
				.append(hex)
				.append("> Tj ET\n");
		}

		public void writeTo(PDDocument document) throws IOException {
			COSDictionary fonts = new COSDictionary();
			fonts.setItem(FONT_RESOURCE, font(document));
			for (StringBuilder pageContent : this.pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				PDResources resources = new PDResources();
				resources.getCOSObject().setItem(COSName.FONT, fonts);
				page.setResources(resources);
				byte[] bytes = pageContent.toString().getBytes(StandardCharsets.US_ASCII);
				page.setContents(new PDStream(document, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE));
				document.addPage(page);
			}
		}

		/**
		 * The Type 0 font: STSong-Light through UniGB-UCS2-H, not embedded.
		 */
		private COSDictionary font(PDDocument document) throws IOException {
			COSDictionary descriptor = new COSDictionary();
			descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
			descriptor.setName(COSName.FONT_NAME, FONT_NAME);
			descriptor.setInt(COSName.FLAGS, 6);
			descriptor.setItem(COSName.FONT_BBOX, integers(-25, -254, 1000, 880));
			descriptor.setInt(COSName.ITALIC_ANGLE, 0);
			descriptor.setInt(COSName.ASCENT, 880);
			descriptor.setInt(COSName.DESCENT, -120);
			descriptor.setInt(COSName.CAP_HEIGHT, 880);
			descriptor.setInt(COSName.STEM_V, 93);

			COSDictionary systemInfo = new COSDictionary();
			systemInfo.setItem(COSName.REGISTRY, new COSString("Adobe"));
			systemInfo.setItem(COSName.ORDERING, new COSString("GB1"));
			systemInfo.setInt(COSName.SUPPLEMENT, Glyphs.CMAP.getSupplement());

			COSArray latinWidths = new COSArray();
			for (int width : LATIN_WIDTHS) {
				latinWidths.add(COSInteger.get(width));
			}
			COSArray widths = new COSArray();
			widths.add(COSInteger.ONE);
			widths.add(latinWidths);

			COSDictionary cidFont = new COSDictionary();
			cidFont.setItem(COSName.TYPE, COSName.FONT);
			cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
			cidFont.setName(COSName.BASE_FONT, FONT_NAME);
			cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
			cidFont.setItem(COSName.FONT_DESC, descriptor);
			cidFont.setInt(COSName.DW, 1000);
			cidFont.setItem(COSName.W, widths);

			COSArray descendants = new COSArray();
			descendants.add(cidFont);

			COSDictionary font = new COSDictionary();
			font.setItem(COSName.TYPE, COSName.FONT);
			font.setItem(COSName.SUBTYPE, COSName.TYPE0);
			font.setName(COSName.BASE_FONT, FONT_NAME);
			font.setName(COSName.ENCODING, ENCODING);
			font.setItem(COSName.DESCENDANT_FONTS, descendants);
			byte[] toUnicode = toUnicode().getBytes(StandardCharsets.US_ASCII);
			font.setItem(COSName.TO_UNICODE,
					new PDStream(document, new ByteArrayInputStream(toUnicode), COSName.FLATE_DECODE));
			return font;
		}

		private static COSArray integers(int... values) {
			COSArray array = new COSArray();
			for (int value : values) {
				array.add(COSInteger.get(value));
			}
			return array;
		}

		/**
		 * A ToUnicode CMap for the codes used: runs of consecutive codes that map to
		 * consecutive characters as ranges, the rest one by one.
		 */
		private String toUnicode() {
			List<String> ranges = new ArrayList<>();
			List<String> singles = new ArrayList<>();
			List<Map.Entry<Integer, String>> entries = new ArrayList<>(this.used.entrySet());
			int i = 0;
			while (i < entries.size()) {
				int start = entries.get(i).getKey();
				String unicode = entries.get(i).getValue();
				int end = i;
				while (end + 1 < entries.size() && continues(entries.get(end), entries.get(end + 1))) {
					end++;
				}
				if (end > i) {
					ranges.add(String.format("<%04X> <%04X> <%04X>", start, entries.get(end).getKey(), start));
				}
				else {
					singles.add(String.format("<%04X> <%s>", start, utf16(unicode)));
				}
				i = end + 1;
			}
			StringBuilder cmap = new StringBuilder();
			cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
				.append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
				.append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
				.append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
			append(cmap, ranges, "bfrange");
			append(cmap, singles, "bfchar");
			cmap.append("endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n");
			return cmap.toString();
		}

		/**
		 * Whether the next entry continues an identity range (same high byte, code and
		 * character one up).
		 */
		private static boolean continues(Map.Entry<Integer, String> entry, Map.Entry<Integer, String> next) {
			int code = entry.getKey();
			int nextCode = next.getKey();
			return nextCode == code + 1 && (nextCode >> 8) == (code >> 8) && entry.getValue().length() == 1
					&& entry.getValue().charAt(0) == code && next.getValue().length() == 1
					&& next.getValue().charAt(0) == nextCode;
		}

		private static void append(StringBuilder cmap, List<String> entries, String kind) {
			for (int from = 0; from < entries.size(); from += 100) {
				List<String> block = entries.subList(from, Math.min(from + 100, entries.size()));
				cmap.append(block.size()).append(" begin").append(kind).append('\n');
				block.forEach((entry) -> cmap.append(entry).append('\n'));
				cmap.append("end").append(kind).append('\n');
			}
		}

		private static String utf16(String text) {
			StringBuilder hex = new StringBuilder();
			for (char c : text.toCharArray()) {
				hex.append(String.format("%04X", (int) c));
			}
			return hex.toString();
		}

	}

}
