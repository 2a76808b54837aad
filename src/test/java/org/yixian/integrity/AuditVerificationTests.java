package org.yixian.integrity;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.shared.ConflictException;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * verify-audit over every case timeline and the operation log: intact as the application
 * left them; a timeline row edited behind the application's back is named by case number,
 * entry sequence, expected and found hash; an edited operation-log row by its id; the
 * page starts a run and follows it to its end.
 */
@WebTest
class AuditVerificationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditVerification verification;

	@Autowired
	AuditLog audit;

	@org.junit.jupiter.api.BeforeEach
	void noRunGoingOn() {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select count(*) from integrity_verifications where status = 'RUNNING'")
				.query(Long.class)
				.single() == 0);
	}

	@Test
	void a_tampered_timeline_row_is_named_by_case_number_and_entry_sequence() {
		IntegrityCases c = new IntegrityCases(this.port);
		long id = c.complaint("篡改测试路面坑洼", null).path("id").asLong();
		c.act(c.handler, id, "sign", "");
		c.act(c.handler, id, "contact", "\"note\":\"已联系市民\"");
		String number = this.jdbc.sql("select number from cases where id = ?").param(id).query(String.class).single();
		assertThat(this.verification.run("test").status()).isEqualTo("INTACT");

		Map<String, Object> target = this.jdbc
			.sql("select id, comment, hash from case_events where case_id = ? and action = 'contact'")
			.param(id)
			.query()
			.singleRow();
		int sequence = this.jdbc.sql("select count(*) from case_events where case_id = ? and id <= ?")
			.params(id, target.get("id"))
			.query(Integer.class)
			.single();
		this.jdbc.sql("alter table case_events disable trigger case_events_append_only").update();
		try {
			this.jdbc.sql("update case_events set comment = '未联系' where id = ?").param(target.get("id")).update();
			AuditVerification.Run run = this.verification.run("test");
			assertThat(run.status()).isEqualTo("BROKEN");
			assertThat(run.brokenCases()).isEqualTo(1);
			Map<String, Object> b = run.breaks().get(0);
			assertThat(b.get("caseNumber")).isEqualTo(number);
			assertThat(((Number) b.get("sequence")).intValue()).isEqualTo(sequence);
			assertThat(b.get("action")).isEqualTo("contact");
			assertThat(b.get("what")).isEqualTo("CONTENT");
			assertThat(b.get("found")).isEqualTo(target.get("hash"));
			assertThat(b.get("expected")).isNotEqualTo(target.get("hash"));
			assertThat(VerifyAuditCommand.report(run, 1.0)).contains("BROKEN", "case " + number, "entry #" + sequence,
					"found " + target.get("hash"));
		}
		finally {
			this.jdbc.sql("update case_events set comment = ? where id = ?")
				.params(target.get("comment"), target.get("id"))
				.update();
			this.jdbc.sql("alter table case_events enable trigger case_events_append_only").update();
		}
		assertThat(this.verification.run("test").status()).isEqualTo("INTACT");
	}

	@Test
	void a_tampered_operation_log_row_is_named_by_its_id() {
		this.audit.record(AuditEvent.system("TEST_EVENT", "test", "verify", "before"));
		long id = this.jdbc.sql("select max(id) from audit_log").query(Long.class).single();
		this.jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
		try {
			this.jdbc.sql("update audit_log set detail = 'forged' where id = ?").param(id).update();
			AuditVerification.Run run = this.verification.run("test");
			assertThat(run.status()).isEqualTo("BROKEN");
			assertThat(run.brokenCases()).isZero();
			assertThat(((Number) run.auditBreak().get("id")).longValue()).isEqualTo(id);
			assertThat(run.auditBreak().get("what")).isEqualTo("CONTENT");
			assertThat(VerifyAuditCommand.report(run, 1.0)).contains("audit log row " + id);
		}
		finally {
			this.jdbc.sql("update audit_log set detail = 'before' where id = ?").param(id).update();
			this.jdbc.sql("alter table audit_log enable trigger audit_log_append_only").update();
		}
	}

	@Test
	void a_run_left_running_by_a_stopped_process_does_not_block_the_next() {
		long stale = this.jdbc.sql("""
				insert into integrity_verifications (started_at, started_by, status, node, heartbeat_at)
				values (now() - interval '1 hour', 'crashed', 'RUNNING', 'gone', now() - interval '11 minutes')
				returning id""").query(Long.class).single();
		assertThat(this.verification.run("test").status()).isEqualTo("INTACT");
		AuditVerification.Run left = this.verification.get(stale).orElseThrow();
		assertThat(left.status()).isEqualTo("FAILED");
		assertThat(left.error()).contains("interrupted");
	}

	@Test
	void a_run_going_on_at_another_node_is_neither_failed_nor_doubled() {
		long live = this.jdbc.sql("""
				insert into integrity_verifications (started_at, started_by, status, node, heartbeat_at)
				values (now() - interval '1 hour', 'other', 'RUNNING', 'node-b', now() - interval '5 seconds')
				returning id""").query(Long.class).single();
		try {
			assertThatThrownBy(() -> this.verification.run("test")).isInstanceOf(ConflictException.class);
			assertThat(this.verification.get(live).orElseThrow().status()).isEqualTo("RUNNING");
		}
		finally {
			this.jdbc.sql("update integrity_verifications set status = 'FAILED', finished_at = now() where id = ?")
				.param(live)
				.update();
		}
		assertThat(this.verification.run("test").status()).as("this node is free again").isEqualTo("INTACT");
	}

	@Test
	void the_page_starts_a_run_and_shows_its_progress_until_it_ends() {
		Api admin = Api.browser(this.port);
		admin.formLogin("admin", Demo.PASSWORD);
		Api.Response page = admin.get("/admin/integrity/verify");
		assertThat(page.status()).isEqualTo(200);
		Api.Response started = admin.form("/admin/integrity/verify", page.csrf(), Map.of());
		assertThat(started.status()).isEqualTo(302);
		String location = started.header("Location");
		long run = Long.parseLong(location.substring(location.indexOf("run=") + 4));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(admin.get("/admin/integrity/verify/" + run).body()).doesNotContain("hx-get")
				.contains("完整"));
		assertThat(admin.get("/admin/integrity/verify?run=" + run).body()).contains("第 " + run + " 次校验");
	}

}
