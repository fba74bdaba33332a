/**
 * The SQL implementations of the store interfaces: one JDBC code path for SQLite (the embedded
 * default, one file in WAL mode with {@code synchronous=FULL}) and PostgreSQL (pgjdbc, HikariCP),
 * with Flyway migrations per dialect under {@code db/migration/}. {@link dev.candor.store.sql.Storages}
 * opens one or the other.
 *
 * <p>What lives here: SQL, connection handling, group commit, mapping of database failures to
 * {@link dev.candor.store.StoreUnavailableException} (fail closed, HTTP 503) or
 * {@link dev.candor.store.StoreException}. What must not: business rules (consent, pseudonymization,
 * ranking) — those are in {@code core}; this package only stores what it is given. Subjects arrive
 * already pseudonymized.
 */
package dev.candor.store.sql;
