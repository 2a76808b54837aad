package org.yixian.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random keys the installation makes for itself on first use and keeps in PostgreSQL (so
 * that every node uses the same), and keyed fingerprints made with them: a value that
 * tells two requests from the same source apart from others without keeping the source
 * (an address cannot be recovered by trying all addresses without the key).
 */
@Component
public class InstallationKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

	InstallationKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The key of this name, made on first use.
	 */
	public byte[] key(String name) {
		return this.keys.computeIfAbsent(name, (n) -> {
			byte[] fresh = new byte[32];
			RANDOM.nextBytes(fresh);
			this.jdbc.sql("insert into installation_keys (name, key) values (?, ?) on conflict (name) do nothing")
				.params(n, fresh)
				.update();
			return this.jdbc.sql("select key from installation_keys where name = ?")
				.param(n)
				.query((rs, i) -> rs.getBytes("key"))
				.single();
		});
	}

	/**
	 * A keyed fingerprint (HMAC-SHA-256, 16 hex digits) of the given parts.
	 */
	public String fingerprint(String name, String... parts) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(name), "HmacSHA256"));
			return HexFormat.of()
				.formatHex(mac.doFinal(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)))
				.substring(0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
