package org.yixian.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the data source is a pool on Yixian's own
 * PostgreSQL. Pool settings still come from {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "release")
	SharedServer embeddedPostgres(@Value("${yixian.data-dir:./data}") Path dataDir,
			@Value("${yixian.embedded-db.port:0}") int port, @Value("${yixian.embedded-db.wipe:false}") boolean wipe) {
		return SharedServer.acquire(dataDir, port, wipe);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(SharedServer embeddedPostgres) {
		EmbeddedPostgresServer server = embeddedPostgres.server();
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername(server.username());
		dataSource.setPassword(server.password());
		dataSource.setPoolName("yixian");
		return dataSource;
	}

	@Bean
	EmbeddedDatabaseSupervisor embeddedPostgresSupervisor(SharedServer embeddedPostgres) {
		return new EmbeddedDatabaseSupervisor(embeddedPostgres.server());
	}

	/**
	 * One server per data directory and JVM, shared by every application context that
	 * asks for it (tests start several) and stopped when the last one closes.
	 */
	static final class SharedServer {

		private static final Map<Path, SharedServer> running = new HashMap<>();

		private final Path key;

		private final EmbeddedPostgresServer server;

		private int users;

		private SharedServer(Path key, EmbeddedPostgresServer server) {
			this.key = key;
			this.server = server;
		}

		static SharedServer acquire(Path dataDir, int port, boolean wipe) {
			Path key = dataDir.toAbsolutePath().normalize();
			synchronized (running) {
				SharedServer shared = running.get(key);
				if (shared == null) {
					shared = new SharedServer(key, EmbeddedPostgresServer.start(key, port, wipe));
					running.put(key, shared);
				}
				shared.users++;
				return shared;
			}
		}

		EmbeddedPostgresServer server() {
			return this.server;
		}

		void release() {
			synchronized (running) {
				if (--this.users == 0) {
					running.remove(this.key);
					this.server.close();
				}
			}
		}

	}

}
