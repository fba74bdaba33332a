package dev.candor.ingest.file;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of an interaction file.
 *
 * @param user      the user id as written in the file
 * @param item      the item id as written in the file
 * @param value     the value (e.g. a rating), when the file has one
 * @param timestamp when it happened, when the file says
 * @param line      the 1-based line number, for messages
 */
public record Interaction(String user, String item, OptionalDouble value, Optional<Instant> timestamp, long line) {
    public Interaction {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
