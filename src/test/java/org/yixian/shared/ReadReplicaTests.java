package org.yixian.shared;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
			return new ReadReplica(primary, dataSource, pool);
		}

	}

}
