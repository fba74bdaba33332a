package dev.candor.ingest;

import java.util.Objects;

/**
 * Why one row of a batch was rejected. Messages never echo the row's values.
 *
 * @param index the row's position in the batch, from 0
 * @param code  a stable UPPER_SNAKE code
 * @param message what is wrong, in words
 * @param field the offending field
 */
public record RowError(int index, String code, String message, String field) {
    public RowError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
    }
}
