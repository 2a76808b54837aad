package org.yixian.casework;

/**
 * Delivers a message to a citizen. The default logs it; an installation plugs in its SMS
 * gateway or mail server by providing another bean.
 */
public interface CitizenMessageSender {

	/**
	 * @throws RuntimeException when delivery failed and should be retried
	 */
	void send(String channel, String recipient, String text);

}
