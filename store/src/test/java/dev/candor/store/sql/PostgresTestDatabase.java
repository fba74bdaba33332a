package dev.candor.store.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server tests run against: {@code $CANDOR_TEST_PG_URL}, default
 * {@value #DEFAULT_URL}. With {@code CI=true} an unreachable server fails the test (CI must exercise
 * PostgreSQL); elsewhere the test is skipped with a visible message. Each user gets a fresh schema,
 * dropped by {@link #dropSchema}.
 */
public final class PostgresTestDatabase {
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private PostgresTestDatabase() {
    }

    public static String url() {
        String env = System.getenv("CANDOR_TEST_PG_URL");
        return env == null || env.isBlank() ? DEFAULT_URL : env;
    }

    /** Fails (CI) or skips (elsewhere) unless PostgreSQL answers. */
    public static void require() {
        try (Connection c = DriverManager.getConnection(url())) {
            c.createStatement().execute("SELECT 1");
        } catch (SQLException e) {
            String msg = "PostgreSQL not reachable at " + Database.withoutCredentials(url()) + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(msg + "; with CI=true PostgreSQL tests must run (.ci/run starts the local server)");
            }
            System.err.println("SKIPPED: " + msg + "; set CI=true to make this a failure");
            Assumptions.abort(msg);
        }
    }

    /** {@return a new unique schema name for one test class} */
    public static String newSchema() {
        return "candor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    public static void createSchema(String schema) {
        try (Connection c = DriverManager.getConnection(url())) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + schema, e);
        }
    }

    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(url())) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    /** {@return every text and bytea value in every table of {@code schema}, concatenated, for absence scans} */
    public static String dumpSchema(String schema) {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url())) {
            var tables = new java.util.ArrayList<String>();
            try (var ps = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
                ps.setString(1, schema);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String t : tables) {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM " + schema + ".\"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            if (v instanceof byte[] b) {
                                out.append(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
                            } else if (v != null) {
                                out.append(v);
                            }
                            out.append('\u0000');
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump schema " + schema, e);
        }
        return out.toString();
    }
}
