package dev.candor.store.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one connection, run by {@link Database} inside a transaction or a read. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
