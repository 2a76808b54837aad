package org.yixian.petition;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.yixian.petition.PetitionPdf.Letter;
import org.yixian.petition.PetitionPdf.Line;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The written decisions of the petition office as PDF: what a text extractor reads back
 * from them, and how the text is laid out.
 */
class PetitionPdfTests {

	private static final String UNIT = "青山区人民政府信访局";

	private static final String NOTICE = "信访人对处理意见不服的，可以自收到本意见书之日起30日内请求原办理行政机关的上一级行政机关复查。";

	@Test
	void a_decision_letter_reads_back_in_chinese() throws IOException {
		Letter letter = new Letter("信访事项处理意见书", UNIT, "青信处〔2026〕第0123号", "张秀英", "支持",
				"信访人张秀英反映其所在小区供暖不达标的问题。\n经调查核实，该小区供暖管网老化，室温低于18℃的情况属实。\n本机关认为，信访人的诉求合理，予以支持。", LocalDate.of(2026, 3, 9),
				NOTICE);

		try (PDDocument document = Loader.loadPDF(PetitionPdf.render(letter))) {
			String text = new PDFTextStripper().getText(document);

			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
			assertThat(text).contains(UNIT, "信访事项处理意见书", "编号：青信处〔2026〕第0123号", "信访人：张秀英", "处理结果：支持", "2026年3月9日");
			assertThat(withoutWhitespace(text)).contains("经调查核实，该小区供暖管网老化，室温低于18℃的情况属实。", NOTICE);
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("信访事项处理意见书 青信处〔2026〕第0123号");
		}
	}

	@Test
	void the_text_is_set_in_the_standard_chinese_font_without_embedding_it() throws IOException {
		Letter letter = new Letter("信访事项复查意见书", UNIT, "青信复〔2026〕1号", "李明", "维持", "维持原处理意见。", null, null);

		try (PDDocument document = Loader.loadPDF(PetitionPdf.render(letter))) {
			PDFont font = document.getPage(0).getResources().getFont(COSName.getPDFName("F1"));

			assertThat(font.getName()).isEqualTo("STSong-Light");
			assertThat(font.getCOSObject().getNameAsString(COSName.ENCODING)).isEqualTo("UniGB-UCS2-H");
			assertThat(font.isEmbedded()).isFalse();
		}
	}

	@Test
	void a_long_text_spans_several_pages_and_every_character_comes_back() throws IOException {
		String text = longText(5_000);
		Letter letter = new Letter("信访事项复核意见书", UNIT, "青信核〔2026〕7号", "王建国", "不予支持", text, LocalDate.of(2026, 12, 31),
				NOTICE);

		try (PDDocument document = Loader.loadPDF(PetitionPdf.render(letter))) {
			String extracted = withoutWhitespace(new PDFTextStripper().getText(document)).replaceAll("—\\d+—", "");

			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			assertThat(extracted).contains(withoutWhitespace(text));
			assertThat(extracted).endsWith(withoutWhitespace(UNIT + "2026年12月31日" + NOTICE));
		}
	}

	@Test
	void missing_or_empty_fields_are_left_out() throws IOException {
		Letter nothing = new Letter(null, null, null, null, null, null, null, null);
		Letter blanks = new Letter("", " ", "", "", "", "\n\n", null, "");
		Letter someText = new Letter(null, null, null, "赵六", null, "仅有正文。", null, null);

		for (Letter letter : List.of(nothing, blanks, someText)) {
			try (PDDocument document = Loader.loadPDF(PetitionPdf.render(letter))) {
				assertThat(document.getNumberOfPages()).isEqualTo(1);
				assertThat(new PDFTextStripper().getText(document)).doesNotContain("编号", "null");
			}
		}
		try (PDDocument document = Loader.loadPDF(PetitionPdf.render(someText))) {
			assertThat(new PDFTextStripper().getText(document)).contains("信访人：赵六", "仅有正文。");
		}
	}

	@Test
	void names_with_a_middle_dot_and_characters_beyond_ucs2_read_back() throws IOException {
		Letter letter = new Letter("信访事项处理意见书", UNIT, "1", "阿依古丽·买买提", "支持", "信访人𠮷田反映的问题。", LocalDate.of(2026, 1, 5),
				null);

		try (PDDocument document = Loader.loadPDF(PetitionPdf.render(letter))) {
			String text = new PDFTextStripper().getText(document);

			assertThat(text).contains("信访人：阿依古丽·买买提", "信访人〓田反映的问题。");
		}
	}

	@Test
	void lines_are_broken_between_characters_but_not_before_closing_punctuation_or_inside_words() {
		String text = "根据《信访工作条例》第三十五条的规定，经研究，现提出如下处理意见：请登录政务服务网站www.example.gov.cn查询办理进度，或拨打12345热线。".repeat(6);

		List<Line> lines = PetitionPdf.wrap(text, 16, 410, 442);

		assertThat(lines).hasSizeGreaterThan(5);
		assertThat(String.join("", lines.stream().map(Line::text).toList())).isEqualTo(text);
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.width()).isLessThanOrEqualTo(442 + 16);
			assertThat(line.text()).doesNotStartWith("，").doesNotStartWith("。").doesNotStartWith("》");
			assertThat(line.text()).doesNotEndWith("《");
			assertThat(line.text()).doesNotStartWith("example").doesNotStartWith("345");
		});
		assertThat(lines.get(0).width()).isLessThanOrEqualTo(410 + 16);
		assertThat(lines.get(lines.size() - 1).last()).isTrue();
	}

	private static String longText(int length) {
		String sentences = "信访人反映的问题涉及征地补偿标准、安置房分配和社会保障衔接等多个方面。" + "经调查，相关部门已于2025年依法公告补偿方案，并组织召开听证会。"
				+ "本机关对信访人提交的材料逐一核对，走访了村民委员会和街道办事处。"
				+ "The petitioner also submitted an email in English, which has been translated.\n"
				+ "根据《信访工作条例》的规定，处理意见如下：一、补偿款按标准足额发放；二、安置房按程序分配。\n";
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			text.append(sentences);
		}
		return text.substring(0, length);
	}

	private static String withoutWhitespace(String text) {
		return text.replaceAll("\\s+", "");
	}

}
