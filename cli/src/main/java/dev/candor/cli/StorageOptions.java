package dev.candor.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the data lives: {@code --data DIR} and optionally {@code --db jdbc:postgresql://…}. */
public final class StorageOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CANDOR_DATA:-candor-data}",
            description = "Data directory: the SQLite file, key files and logs (default: ${DEFAULT-VALUE}; env CANDOR_DATA).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:CANDOR_DB}",
            description = "Use PostgreSQL instead of SQLite, e.g. jdbc:postgresql://127.0.0.1:5432/candor?user=candor "
                    + "(the connection's default schema, or currentSchema=… in the URL; env CANDOR_DB).")
    String db;

    public Path data() {
        return data;
    }

    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(db).filter(s -> !s.isBlank());
    }
}
