package org.yixian.casework;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes several rows of one statement in one round trip: a JDBC batch, which the
 * PostgreSQL driver sends as one message sequence (and, with
 * {@code reWriteBatchedInserts}, as one multi-row insert).
 */
@Component
class Batches {

	private final JdbcTemplate jdbc;

	Batches(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void update(String sql, List<Object[]> rows) {
		if (rows.size() == 1) {
			this.jdbc.update(sql, rows.get(0));
		}
		else if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(sql, rows);
		}
	}

}
