/**
 * Store interfaces: what the engine needs to persist, independent of the database.
 *
 * <p>Implementations live in the {@code store} module (SQLite and PostgreSQL) and pass one shared
 * contract suite. Every method that accepts data returns only after it is durable. Stores key
 * users by {@link dev.candor.model.SubjectId} only: no method here accepts a raw user id.
 * Infrastructure failures are {@link dev.candor.store.StoreUnavailableException} (the database
 * cannot be reached or written; callers fail closed with 503) or {@link dev.candor.store.StoreException}.
 * Must not depend on JDBC or any driver.
 */
package dev.candor.store;
