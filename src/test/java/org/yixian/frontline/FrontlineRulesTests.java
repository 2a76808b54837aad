package org.yixian.frontline;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.yixian.casework.CaseFile;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseStatus;
import org.yixian.casework.UnitRef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small rules of frontline work, without a database: phone numbers, confirmation
 * codes, who is over a case for a package, and the key terms of text answers.
 */
class FrontlineRulesTests {

	@Test
	void a_phone_is_a_mainland_mobile_or_a_landline_with_its_area_code() {
		assertThat(Phones.isValid("13800138000")).isTrue();
		assertThat(Phones.isValid("138 0013 8000")).isTrue();
		assertThat(Phones.isValid("+8613800138000")).isTrue();
		assertThat(Phones.isValid("010-12345678")).isTrue();
		assertThat(Phones.isValid("0571-8765432")).isTrue();
		assertThat(Phones.isValid("12345678901")).isFalse();
		assertThat(Phones.isValid("1380013800")).isFalse();
		assertThat(Phones.isValid("12345")).isFalse();
		assertThat(Phones.isValid(null)).isFalse();
	}

	@Test
	void confirmation_codes_have_no_look_alike_characters_and_are_read_back_whatever_the_case_or_spaces() {
		for (int i = 0; i < 200; i++) {
			assertThat(ConfirmationCodes.newCode()).matches("[A-HJKMNP-Z2-9]{8}");
		}
		String code = ConfirmationCodes.newCode();
		assertThat(ConfirmationCodes.hash(code.toLowerCase())).isEqualTo(ConfirmationCodes.hash(code));
		assertThat(ConfirmationCodes.hash(code.substring(0, 4) + " " + code.substring(4)))
			.isEqualTo(ConfirmationCodes.hash(code));
	}

	@Test
	void a_leader_is_over_a_case_whose_area_or_assigned_unit_lies_in_the_leader_s_subtree() {
		UnitRef community = new UnitRef(20, "DC-HP-01", "和平里社区", "/1/18/19/20/", 3);
		CaseFile file = CaseFile.inMemory(1, "D1", CaseKind.DEMAND, "HELP", community, CaseStatus.HANDLING);
		assertThat(PackagePolicy.over("/1/18/", file)).as("the district").isTrue();
		assertThat(PackagePolicy.over("/1/18/19/", file)).as("the street").isTrue();
		assertThat(PackagePolicy.over("/1/30/", file)).as("another district").isFalse();
		file.assigned(new UnitRef(40, "SFS-ZJJ", "住建局", "/1/4/", 1));
		assertThat(PackagePolicy.over("/1/4/", file)).as("the department it is with").isTrue();
		assertThat(PackagePolicy.packageable(CaseStatus.FINAL)).as("a backlog petition after 终结").isTrue();
		assertThat(PackagePolicy.packageable(CaseStatus.MERGED)).isFalse();
	}

	@Test
	void key_terms_are_content_words_counted_once_per_answer_most_frequent_first() {
		List<KeyTerms.Term> terms = KeyTerms.of(List.of("希望社区食堂增加晚餐，晚餐要便宜", "社区食堂晚餐供应不足", "我们希望增加停车位"), 5);
		assertThat(terms).contains(new KeyTerms.Term("晚餐", 2));
		assertThat(terms).extracting(KeyTerms.Term::count).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(terms).extracting(KeyTerms.Term::term).contains("食堂", "社区").doesNotContain("希望", "我们", "，");
		assertThat(KeyTerms.of(List.of(""), 5)).isEmpty();
	}

}
