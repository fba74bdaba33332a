package dev.candor.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logging for a Candor process: java.util.logging (which Helidon, HikariCP and Flyway also reach,
 * the latter two through slf4j-jdk14) to the console and to {@code logs/candor.log} in the data
 * directory, rotated at 10 MiB × 5 files. Candor's own messages never carry user ids, keys or
 * payloads; the privacy tests scan this file.
 */
public final class Logging {
    public static final String FILE_NAME = "candor.log";

    private static final java.util.List<Logger> QUIETED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Logging() {
    }

    /** Configures the root logger; {@code quiet} keeps the console at WARNING. */
    public static void configure(Path dataDir, boolean quiet) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(quiet ? Level.WARNING : Level.INFO);
        console.setFormatter(new SimpleFormatter());
        root.addHandler(console);
        try {
            Path logs = dataDir.resolve("logs");
            Files.createDirectories(logs);
            FileHandler file = new FileHandler(logs.resolve("candor-%g.log").toString(), 10 * 1024 * 1024, 5, true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.INFO);
            root.addHandler(file);
        } catch (IOException e) {
            root.warning("cannot write logs into the data directory: " + e.getClass().getSimpleName());
        }
        // Strong references: java.util.logging holds loggers weakly, and a collected logger forgets its level.
        QUIETED.clear();
        for (String name : new String[] {"com.zaxxer.hikari", "org.flywaydb", "io.helidon"}) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.WARNING);
            QUIETED.add(l);
        }
    }
}
