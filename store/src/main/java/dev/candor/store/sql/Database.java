package dev.candor.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.candor.store.StoreException;
import dev.candor.store.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Connections and transactions for one database. SQLite gets a writer pool of exactly one
 * connection (SQLite has one writer at a time; queueing in the pool is cheaper than busy retries)
 * and a small reader pool (WAL lets readers run beside the writer). PostgreSQL gets one pool for both.
 * Every write runs in a transaction that is committed before {@link #write} returns.
 */
final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final String description;

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader, String description) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.description = description;
    }

    /** Opens (creating when absent) the SQLite file and migrates it. */
    static Database sqlite(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        HikariDataSource writer = null;
        try {
            writer = new HikariDataSource(sqliteConfig(url, "candor-sqlite-writer", 1));
            migrate(writer, Dialect.SQLITE, Optional.empty());
            HikariDataSource reader = new HikariDataSource(sqliteConfig(url, "candor-sqlite-reader", 4));
            return new Database(Dialect.SQLITE, writer, reader, "sqlite:" + file.toAbsolutePath());
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.close();
            }
            throw startFailure("the SQLite database " + file.toAbsolutePath(), e);
        }
    }

    private static HikariConfig sqliteConfig(String url, String name, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setPoolName(name);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1);
        c.setConnectionTimeout(30_000);
        // Durability: WAL with synchronous=FULL fsyncs the log at every commit.
        c.addDataSourceProperty("journal_mode", "WAL");
        c.addDataSourceProperty("synchronous", "FULL");
        c.addDataSourceProperty("busy_timeout", "10000");
        c.addDataSourceProperty("foreign_keys", "true");
        // Erasure: deleted content is overwritten with zeros, not left in free pages.
        c.addDataSourceProperty("secure_delete", "true");
        return c;
    }

    /**
     * Connects to PostgreSQL and migrates the schema.
     *
     * @param url    a {@code jdbc:postgresql:} URL
     * @param schema the schema to use (created when absent); empty for the connection's default
     */
    static Database postgres(String url, Optional<String> schema) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setPoolName("candor-postgres");
        c.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        c.setConnectionTimeout(5_000);
        c.setInitializationFailTimeout(5_000);
        // one multi-row INSERT per batch instead of one statement per row (appends are batches)
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        schema.ifPresent(c::setSchema);
        HikariDataSource ds = null;
        try {
            if (schema.isPresent()) {
                // The pool's schema must exist before its first connection sets it as search_path.
                createSchema(url, schema.get());
            }
            ds = new HikariDataSource(c);
            migrate(ds, Dialect.POSTGRES, schema);
            return new Database(Dialect.POSTGRES, ds, ds, "postgresql:" + withoutCredentials(url)
                    + schema.map(s -> " schema " + s).orElse(""));
        } catch (RuntimeException e) {
            if (ds != null) {
                ds.close();
            }
            throw startFailure("PostgreSQL at " + withoutCredentials(url), e);
        }
    }

    private static void createSchema(String url, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema names are lowercase letters, digits and underscores");
        }
        try (Connection c = java.sql.DriverManager.getConnection(url);
             var st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw SqlErrors.map("create schema", e);
        }
    }

    private static void migrate(DataSource ds, Dialect dialect, Optional<String> schema) {
        var conf = Flyway.configure().dataSource(ds).locations(dialect.migrations())
                .failOnMissingLocations(true);
        if (schema.isPresent()) {
            conf = conf.schemas(schema.get()).defaultSchema(schema.get());
        }
        conf.load().migrate();
    }

    private static StoreException startFailure(String what, RuntimeException e) {
        if (e instanceof StoreException se) {
            return se;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root instanceof SQLException s && SqlErrors.isUnavailable(s) || root instanceof java.net.ConnectException
                ? "cannot connect" : root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
        if (e instanceof FlywayException && !(root instanceof SQLException)) {
            why = "migration failed: " + firstLine(e.getMessage());
        }
        return new StoreUnavailableException("cannot open " + what + " (" + why + ")", e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** {@return the URL with any password or user parameter removed} */
    static String withoutCredentials(String url) {
        return url.replaceAll("(?i)([?&](password|user)=)[^&]*", "$1…").replaceAll("//[^/@]*@", "//");
    }

    Dialect dialect() {
        return dialect;
    }

    String description() {
        return description;
    }

    /** Runs {@code work} in one transaction, committed before return; rolled back when it throws. */
    <T> T write(String operation, SqlWork<T> work) {
        try (Connection c = writer.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c, auto);
            }
        } catch (SQLException e) {
            throw SqlErrors.map(operation, e);
        }
    }

    /** Runs a read on a reader connection (autocommit; one statement's snapshot). */
    <T> T read(String operation, SqlWork<T> work) {
        try (Connection c = reader.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw SqlErrors.map(operation, e);
        }
    }

    /** Runs a multi-statement read inside one transaction, so it sees one snapshot. */
    <T> T readConsistent(String operation, SqlWork<T> work) {
        try (Connection c = reader.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the read already has its answer; a failed rollback only ends the snapshot
                }
                restoreAutoCommit(c, auto);
            }
        } catch (SQLException e) {
            throw SqlErrors.map(operation, e);
        }
    }

    /** See {@link dev.candor.store.Storage#purgeDeleted()}. */
    void purgeDeleted() {
        String sql = dialect == Dialect.SQLITE ? "PRAGMA wal_checkpoint(TRUNCATE)"
                : "VACUUM events, subjects, consent, consent_history, preferences, feedback, audit_subjects, subject_keys, "
                + "experiment_impressions, experiment_participants, experiment_conversions";
        try (Connection c = writer.getConnection(); var st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute(sql);
        } catch (SQLException e) {
            throw SqlErrors.map("purge deleted rows", e);
        }
    }

    boolean isHealthy() {
        try (Connection c = reader.getConnection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean auto) {
        try {
            c.setAutoCommit(auto);
        } catch (SQLException ignored) {
            // the pool resets connection state on return
        }
    }

    @Override
    public void close() {
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }
}
