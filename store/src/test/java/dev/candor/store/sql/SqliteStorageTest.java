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
