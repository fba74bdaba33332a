package dev.candor.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared MovieLens data ({@code ../shared/data} beside the repository, or
 * {@code $CANDOR_DATA_DIR}). The data is never copied into the repository (its licence forbids
 * redistribution). Tests that need it call {@link #require}: absent, the test is skipped and a
 * line saying so is printed; present, the test runs.
 */
public final class SharedData {
    private SharedData() {
    }

    /** {@return the shared data directory, if it can be found} */
    public static Optional<Path> root() {
        String env = System.getenv("CANDOR_DATA_DIR");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@return the path of {@code relative} (e.g. {@code ml-100k/u.data}); skips the test with a visible message when absent} */
    public static Path require(String relative) {
        Optional<Path> file = root().map(r -> r.resolve(relative)).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            String msg = "SKIPPED: shared data file " + relative + " not found (looked for ../shared/data or $CANDOR_DATA_DIR)";
            System.err.println(msg);
            Assumptions.abort(msg);
        }
        return file.get();
    }
}
