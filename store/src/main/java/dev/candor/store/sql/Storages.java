package dev.candor.store.sql;

import dev.candor.store.Storage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens Candor's storage: the embedded SQLite file {@value #SQLITE_FILE} in the data directory by
 * default, or PostgreSQL when a {@code jdbc:postgresql:} URL is given. Either way the schema is
 * migrated to the current version before this returns.
 */
public final class Storages {
    /** The SQLite file's name inside the data directory. */
    public static final String SQLITE_FILE = "candor.db";

    private Storages() {
    }

    /**
     * @param jdbcUrl a {@code jdbc:postgresql:} URL, or empty for SQLite in {@code dataDir}
     * @param dataDir the data directory (must exist)
     */
    public static Storage open(Optional<String> jdbcUrl, Path dataDir) {
        if (jdbcUrl.isPresent()) {
            return postgres(jdbcUrl.get(), Optional.empty());
        }
        return sqlite(dataDir.resolve(SQLITE_FILE));
    }

    /** Opens (creating) a SQLite database file. */
    public static Storage sqlite(Path file) {
        return new SqlStorage(Database.sqlite(file));
    }

    /**
     * Connects to PostgreSQL.
     *
     * @param schema a schema to create and use, or empty for the connection's default
     */
    public static Storage postgres(String jdbcUrl, Optional<String> schema) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only jdbc:postgresql: URLs are supported (SQLite is the default without --db)");
        }
        return new SqlStorage(Database.postgres(jdbcUrl, schema));
    }
}
