package dev.candor.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The coarse context of an event or request. Precise location never enters this record: the
 * edge keeps only a region code, and the {@code Minimizer} drops all of it unless the subject
 * granted {@link Purpose#CONTEXT}.
 *
 * @param device  {@code mobile}, {@code desktop}, {@code tablet}, {@code tv} or {@code other}
 * @param daypart {@code morning}, {@code afternoon}, {@code evening} or {@code night}
 * @param region  a coarse region code (country or country-subdivision, at most 8 characters)
 */
public record Context(Optional<String> device, Optional<String> daypart, Optional<String> region) {
    public static final Context NONE = new Context(Optional.empty(), Optional.empty(), Optional.empty());

    public Context {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(daypart, "daypart");
        Objects.requireNonNull(region, "region");
    }

    public boolean isEmpty() {
        return device.isEmpty() && daypart.isEmpty() && region.isEmpty();
    }
}
