package dev.candor.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.store.Storage;
import dev.candor.store.StoreUnavailableException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The storage contract on PostgreSQL (a fresh schema per run); see {@link PostgresTestDatabase}. */
class PostgresStorageTest extends StorageContractTest {
    private static String schema;

    @BeforeAll
    static void database() {
        PostgresTestDatabase.require();
        schema = PostgresTestDatabase.newSchema();
    }

    @AfterAll
    static void drop() {
        if (schema != null) {
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    @Override
    protected Storage open() {
        return Storages.postgres(PostgresTestDatabase.url(), Optional.of(schema));
    }

    @Override
    protected void wipe() {
        PostgresTestDatabase.dropSchema(schema);
    }

    @Override
    protected void tamper(String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(PostgresTestDatabase.url()); var st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
            st.executeUpdate(sql);
        }
    }

    @Override
    protected long queryNumber(String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(PostgresTestDatabase.url()); var st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
            try (var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void describesItselfWithoutCredentials() {
        assertThat(storage.description()).startsWith("postgresql:").doesNotContain("user=postgres").contains(schema);
    }

    @Test
    void anUnreachableServerIsUnavailableNotACrash() {
        assertThatThrownBy(() -> Storages.postgres("jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=1", Optional.empty()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot open PostgreSQL");
    }
}
