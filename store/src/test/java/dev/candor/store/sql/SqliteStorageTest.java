package dev.candor.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.model.Item;
import dev.candor.store.Storage;
import dev.candor.store.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the embedded SQLite file, plus SQLite-only properties. */
class SqliteStorageTest extends StorageContractTest {
    @TempDir
    Path dir;

    @Override
    protected Storage open() {
        return Storages.open(java.util.Optional.empty(), dir);
    }

    @Override
    protected void tamper(String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Storages.SQLITE_FILE)); var st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.executeUpdate(sql);
        }
    }

    @Override
    protected long queryNumber(String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Storages.SQLITE_FILE)); var st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            try (var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void eventsStoredBeforeTheSubjectsTable_areMigratedToIt() throws Exception {
        storage.close();
        Path old = Files.createDirectories(dir.resolve("v8"));
        String url = "jdbc:sqlite:" + old.resolve(Storages.SQLITE_FILE);
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations(Dialect.SQLITE.migrations()).target("8").load().migrate();
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO events (id, subject, item, type, value, ts, session, device) VALUES "
                    + "(1, '" + subject(1).value() + "', 'a', 'view', 1.0, 5, 's1', 'mobile'), "
                    + "(2, '" + subject(2).value() + "', 'b', 'click', 2.0, 6, NULL, NULL), "
                    + "(3, '" + subject(1).value() + "', 'c', 'view', 1.0, 7, NULL, NULL)");
        }
        storage = Storages.open(java.util.Optional.empty(), old);
        assertThat(storage.events().forSubject(subject(1))).extracting(e -> e.item().value()).containsExactly("a", "c");
        assertThat(storage.events().forSubject(subject(1)).getFirst().session()).contains("s1");
        assertThat(storage.events().get(2).orElseThrow().subject()).isEqualTo(subject(2));
        storage.events().append(List.of(event(4, subject(2), "d")));
        assertThat(storage.events().deleteSubject(subject(2))).isEqualTo(2);
        assertThat(storage.events().count()).isEqualTo(2);
        storage.close();
        storage = open();
    }

    @Test
    void usesWriteAheadLoggingAndFullSync() throws Exception {
        storage.items().put(Item.of("x", "X", List.of()));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Storages.SQLITE_FILE));
             var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        assertThat(storage.description()).startsWith("sqlite:").endsWith(Storages.SQLITE_FILE);
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearStartError() throws Exception {
        storage.close();
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve(Storages.SQLITE_FILE), "this is not a database, just text that is long enough ".repeat(40));
        assertThatThrownBy(() -> Storages.open(java.util.Optional.empty(), bad))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot open the SQLite database");
        storage = open();
    }
}
