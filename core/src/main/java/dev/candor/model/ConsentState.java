package dev.candor.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a subject has currently granted, purpose by purpose.
 *
 * <p>Privacy by default: a subject the engine has not heard from has {@link #DEFAULT}, which grants
 * nothing. Their events are dropped at ingest and they get non-personal recommendations until
 * the host application records a consent.
 *
 * @param granted   the purposes granted now
 * @param known     false when no consent was ever recorded (the default applies)
 * @param updatedAt when it last changed; {@link Instant#EPOCH} for the default
 */
public record ConsentState(Set<Purpose> granted, boolean known, Instant updatedAt) {
    /** The consent of a subject the engine has not heard from: nothing granted. */
    public static final ConsentState DEFAULT = new ConsentState(EnumSet.noneOf(Purpose.class), false, Instant.EPOCH);

    public ConsentState {
        granted = granted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(granted));
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean allows(Purpose purpose) {
        return granted.contains(purpose);
    }

    /** {@return a state with {@code changes} applied on top of this one} */
    public ConsentState with(Map<Purpose, Boolean> changes, Instant at) {
        EnumSet<Purpose> next = granted.isEmpty() ? EnumSet.noneOf(Purpose.class) : EnumSet.copyOf(granted);
        changes.forEach((p, on) -> {
            if (on) {
                next.add(p);
            } else {
                next.remove(p);
            }
        });
        return new ConsentState(next, true, at);
    }

    /** {@return every purpose mapped to whether it is granted, in declaration order} */
    public Map<Purpose, Boolean> asMap() {
        Map<Purpose, Boolean> m = new EnumMap<>(Purpose.class);
        for (Purpose p : Purpose.values()) {
            m.put(p, granted.contains(p));
        }
        return m;
    }
}
