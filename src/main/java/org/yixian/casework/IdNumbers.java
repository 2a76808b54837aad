package org.yixian.casework;

/**
 * Citizens' identity numbers (GB 11643-1999): 18 characters whose last is a check
 * character over the first 17 (ISO 7064 MOD 11-2), or the old 15-digit form.
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	public static boolean isValid(String id) {
		if (id == null) {
			return false;
		}
		String value = id.strip().toUpperCase(java.util.Locale.ROOT);
		if (value.length() == 15) {
			return value.chars().allMatch(Character::isDigit);
		}
		if (value.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return value.charAt(17) == CHECK[sum % 11];
	}

}
