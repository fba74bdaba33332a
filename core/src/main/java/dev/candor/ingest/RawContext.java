package dev.candor.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * The context fields the edge accepts, as sent. Any other field a client sends (precise location,
 * IP address, user agent) is never read: the edge only extracts these three.
 */
public record RawContext(Optional<String> device, Optional<String> daypart, Optional<String> region) {
    public static final RawContext NONE = new RawContext(Optional.empty(), Optional.empty(), Optional.empty());

    public RawContext {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(daypart, "daypart");
        Objects.requireNonNull(region, "region");
    }
}
