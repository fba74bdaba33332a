package dev.candor.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a subject's consent history: a purpose switched on or off, when and through what.
 *
 * @param purpose the purpose changed
 * @param granted its new value
 * @param at      when the change was recorded
 * @param source  where it came from ({@code api}, {@code preference-center}, {@code import}, …)
 */
public record ConsentChange(Purpose purpose, boolean granted, Instant at, String source) {
    public ConsentChange {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        source = source == null || source.isBlank() ? "api" : source;
        if (source.length() > 64) {
            throw new IllegalArgumentException("consent source must be at most 64 characters");
        }
    }
}
