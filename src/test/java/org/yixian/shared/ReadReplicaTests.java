package org.yixian.shared;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * With a replica configured, the work lists, the dashboards' scorecard and the public
 * request list read through the replica's read-only pool while every write still goes to
 * the database itself. The "replica" here is the test database reached as a role whose
 * transactions are read-only, so a write sent to it would fail, and PostgreSQL's own
 * activity view names the statements each pool ran last.
 */
@WebTest
class ReadReplicaTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReadReplica replica;

	@Autowired
	DataSource dataSource;

	@Test
	void lists_dashboards_and_public_lists_read_the_replica_and_writes_go_to_the_database() {
		assertThat(this.replica.configured()).isTrue();
		String marker = "副本读取" + UUID.randomUUID().toString().substring(0, 8);
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		Api.Response created = operator.post("/api/v1/cases",
				"{\"kind\":\"DEMAND\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\",\"title\":\"" + marker
						+ "\",\"content\":\"" + marker
						+ "，路灯不亮。\",\"categoryCode\":\"0104\",\"areaUnitCode\":\"DC-HP-02\","
						+ "\"complainant\":{\"name\":\"市民\",\"phone\":\"13700008811\"}}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Api dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
		String q = java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(dispatcher.get("/api/v1/cases?q=" + q).json().path("total").asLong()).isEqualTo(1);
		assertThat(lastReplicaStatements()).anyMatch((s) -> s.contains("from cases c"));

		LocalDate month = LocalDate.now().withDayOfMonth(1);
		Api leader = Api.basic(this.port, "leader", Demo.PASSWORD);
		assertThat(leader.get("/api/v1/metrics/scorecard?unitKind=STREET&from=" + month + "&to=" + month.plusMonths(1))
			.status()).isEqualTo(200);
		assertThat(lastReplicaStatements()).anyMatch((s) -> s.contains("metric_counts") || s.contains("as backlog"));

		assertThat(Api.anonymous(this.port).get("/open311/v2/requests.json").status()).isEqualTo(200);
		assertThat(lastReplicaStatements()).anyMatch((s) -> s.contains("c.published"));

		assertThatThrownBy(() -> this.replica.jdbc().sql("update cases set title = title where id = 0").update())
			.hasMessageContaining("read-only");
	}

	@Test
	void the_health_endpoint_tells_administrators_which_database_the_lists_read() {
		JsonNode replica = Api.basic(this.port, "admin", Demo.PASSWORD)
			.get("/manage/health")
			.json()
			.path("components")
			.path("testReplica");
		assertThat(replica.path("status").asString()).isEqualTo("UP");
		assertThat(replica.path("details").path("reading").asString()).isEqualTo("replica");
		assertThat(replica.path("details").path("standby").asBoolean()).as("the test's replica is the database itself")
			.isFalse();
	}

	@Test
	void an_unreachable_replica_leaves_its_reads_to_the_primary_for_a_while_and_is_tried_again_after()
			throws Exception {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		HikariDataSource unreachable = new HikariDataSource();
		unreachable.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closed + "/yixian");
		unreachable.setUsername("yixian_reader");
		unreachable.setPassword("reader");
		ReadReplica.configure(unreachable, 2);
		ReadReplica replica = new ReadReplica(this.jdbc, this.dataSource, unreachable, Duration.ofSeconds(2));
		try {
			assertThat(replica.configured()).isTrue();
			assertThat(replica.jdbc().sql("select 41 + 1").query(Integer.class).single()).as("answered by the primary")
				.isEqualTo(42);
			assertThat(replica.readingReplica()).isFalse();
			Map<String, Object> left = replica.health().getDetails();
			assertThat(replica.health().getStatus()).as("the node still serves").isEqualTo(Status.UP);
			assertThat(left).containsEntry("reading", "primary").containsKey("failure");

			assertThat(replica.jdbc(Duration.ofSeconds(3)).sql("select 1").query(Integer.class).single()).isEqualTo(1);
			Map<String, Object> still = replica.health().getDetails();
			assertThat(still.get("replicaFailedAt")).as("not tried again meanwhile")
				.isEqualTo(left.get("replicaFailedAt"));
			assertThat((Long) still.get("readsSentToPrimary")).isGreaterThan((Long) left.get("readsSentToPrimary"));

			await().atMost(Duration.ofSeconds(10)).until(replica::readingReplica);
			assertThat(replica.jdbc().sql("select 2").query(Integer.class).single()).isEqualTo(2);
			assertThat(replica.health().getDetails().get("replicaFailedAt")).as("tried again after the pause")
				.isNotEqualTo(left.get("replicaFailedAt"));
		}
		finally {
			replica.destroy();
		}
	}

	private java.util.List<String> lastReplicaStatements() {
		return this.jdbc.sql(
				"select query from pg_stat_activity where usename = 'yixian_reader' and application_name = 'yixian-replica'")
			.query(String.class)
			.list();
	}

	@TestConfiguration
	static class Replica {

		@Bean
		@Primary
		ReadReplica testReplica(JdbcClient primary, DataSource dataSource) {
			primary.sql("""
					do $$ begin
					  if not exists (select from pg_roles where rolname = 'yixian_reader') then
					    create role yixian_reader login password 'reader';
					  end if;
					end $$""").update();
			primary.sql("alter role yixian_reader set default_transaction_read_only = on").update();
			primary.sql("grant usage on schema public to yixian_reader").update();
			primary.sql("grant select on all tables in schema public to yixian_reader").update();
			HikariDataSource pool = new HikariDataSource();
			pool.setJdbcUrl(((HikariDataSource) dataSource).getJdbcUrl());
			pool.setUsername("yixian_reader");
			pool.setPassword("reader");
			ReadReplica.configure(pool, 2);
			return new ReadReplica(primary, dataSource, pool, Duration.ofSeconds(30));
		}

	}

}
