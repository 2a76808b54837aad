package org.yixian.audit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogTests {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_log_refuses_updates_and_deletes() {
		this.audit.record(AuditEvent.system("TEST_EVENT", "test", "1", "immutable"));
		assertThatThrownBy(() -> this.jdbc.sql("update audit_log set detail = 'changed'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_log").update()).hasMessageContaining("append-only");
	}

	@Test
	void an_edit_behind_the_applications_back_breaks_the_chain_where_it_was_made() {
		this.audit.record(AuditEvent.system("TEST_EVENT", "test", "2", "before"));
		assertThat(this.audit.verify().intact()).isTrue();
		long id = this.jdbc.sql("select max(id) from audit_log").query(Long.class).single();
		this.jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
		try {
			this.jdbc.sql("update audit_log set detail = 'forged' where id = ?").param(id).update();
			ChainCheck check = this.audit.verify();
			assertThat(check.intact()).isFalse();
			assertThat(check.firstBrokenId()).isEqualTo(id);
			this.jdbc.sql("update audit_log set detail = 'before' where id = ?").param(id).update();
			assertThat(this.audit.verify().intact()).isTrue();
		}
		finally {
			this.jdbc.sql("alter table audit_log enable trigger audit_log_append_only").update();
		}
	}

}
