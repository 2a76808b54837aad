package org.yixian.frontline;

import java.util.regex.Pattern;

/**
 * Phone numbers citizens give: a mainland mobile number (11 digits from 13 to 19) or a
 * landline with its area code; spaces and dashes are dropped.
 */
final class Phones {

	private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	private static final Pattern LANDLINE = Pattern.compile("0[1-9][0-9]{1,2}[0-9]{7,8}");

	private Phones() {
	}

	static String normalise(String phone) {
		return (phone == null) ? "" : phone.replaceAll("[\\s-]", "").replaceFirst("^\\+86", "");
	}

	static boolean isValid(String phone) {
		String digits = normalise(phone);
		return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches();
	}

}
