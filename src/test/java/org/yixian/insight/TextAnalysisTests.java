package org.yixian.insight;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalysisTests {

	private static List<String> words(Segmenter segmenter, String text) {
		return segmenter.words(text).stream().map(Segmenter.Word::text).toList();
	}

	@Test
	void the_installations_own_names_stay_whole_where_the_general_dictionary_cuts_them() {
		String text = "和平里社区幸福路的路灯坏了";
		assertThat(words(new Segmenter(TermDictionary.EMPTY), text)).doesNotContain("和平里社区");
		assertThat(words(new Segmenter(new TermDictionary(List.of("和平里社区", "幸福路"))), text)).startsWith("和平里社区", "幸福路")
			.contains("路灯");
	}

	@Test
	void a_text_cut_in_its_parts_gives_the_words_of_the_whole_and_a_recent_text_is_not_cut_again() {
		Segmenter segmenter = new Segmenter(new TermDictionary(List.of("和平里社区")));
		String title = "和平里社区幸福路路灯坏了";
		String content = "晚上八点以后整条路都是黑的，\n老人孩子出门不方便。物业说不归他们管";
		assertThat(CaseDocument.words(segmenter, title, content))
			.isEqualTo(CaseDocument.words(new Segmenter(new TermDictionary(List.of("和平里社区"))), title + "\n" + content))
			.contains("和平里社区", "路灯", "物业");
		assertThat(segmenter.words(content)).as("kept").isSameAs(segmenter.words(content));
	}

	@Test
	void a_typed_text_asks_the_index_for_each_run_it_holds_and_an_older_index_for_chinese_runs_only() {
		String typed = "京A12345 3号楼漏水";
		assertThat(IndexedTextCandidates.query(typed, true).toString()).contains("latin:\"a12 123 234 345\"",
				"grams:\"号楼 楼漏 漏水\"");
		assertThat(IndexedTextCandidates.query(typed, false).toString()).doesNotContain("latin:")
			.contains("grams:\"号楼 楼漏 漏水\"");
		assertThat(IndexedTextCandidates.query("A12345", false)).as("the database reads").isNull();
		assertThat(IndexedTextCandidates.query("京 A1", true)).isNull();
	}

	@Test
	void stop_words_politeness_punctuation_and_bare_numbers_are_dropped() {
		List<String> words = words(new Segmenter(TermDictionary.EMPTY), "尊敬的领导您好！我们小区的电梯 2024 年坏了，希望尽快维修，谢谢。");
		assertThat(words).contains("小区", "电梯", "维修").doesNotContain("尊敬的", "领导", "您好", "的", "我们", "2024", "谢谢", "，");
	}

	@Test
	void full_width_letters_and_digits_and_odd_spaces_are_normalised() {
		assertThat(TextNormalizer.normalize("\n\t\tＡ市Ａ５区\u3000汇金路\u00a0 ５号")).isEqualTo("a市a5区 汇金路 5号");
	}

	@Test
	void features_are_words_word_pairs_and_character_grams_with_digits_folded() {
		Map<String, Integer> counts = new FeatureExtractor(new Segmenter(TermDictionary.EMPTY), 1, 3, true, 0)
			.counts("路灯坏了3盏。路灯不亮");
		assertThat(counts).containsKey("w:路灯").containsEntry("c:路灯", 2).containsKey("c:0盏").containsKey("c:路灯不");
		assertThat(counts.keySet()).anyMatch((k) -> k.startsWith("b:"));
		assertThat(counts.keySet()).noneMatch((k) -> k.contains("，"));
	}

}
