package org.yixian.portal;

import java.util.List;

/**
 * What the sign-in page may tell about the demo accounts; provided by the demo module
 * only when the demo profile is active.
 */
public interface DemoAccountsHint {

	List<DemoAccount> accounts();

	String password();

	/**
	 * One demo account: its username, the role it shows, and its unit's name.
	 */
	record DemoAccount(String username, String role, String unitName) {
	}

	/**
	 * Outside the demo there is nothing to tell.
	 */
	DemoAccountsHint NONE = new DemoAccountsHint() {
		@Override
		public List<DemoAccount> accounts() {
			return List.of();
		}

		@Override
		public String password() {
			return "";
		}
	};

}
