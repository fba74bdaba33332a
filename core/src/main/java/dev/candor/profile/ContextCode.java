package dev.candor.profile;

import dev.candor.model.Context;
import java.util.List;
import java.util.Optional;

/**
 * A coarse context (device class, daypart) packed into one byte for the live index: {@code 0} means
 * no context. Region is not indexed: it is kept in the store for the user's own view only.
 */
public final class ContextCode {
    /** Device classes, in code order (see {@code Minimizer.DEVICES}). */
    public static final List<String> DEVICES = List.of("mobile", "desktop", "tablet", "tv", "other");
    /** Dayparts, in code order (see {@code Minimizer.DAYPARTS}). */
    public static final List<String> DAYPARTS = List.of("morning", "afternoon", "evening", "night");
    public static final byte NONE = 0;

    private ContextCode() {
    }

    public static byte encode(Context c) {
        int d = c.device().map(DEVICES::indexOf).orElse(-1) + 1;
        int p = c.daypart().map(DAYPARTS::indexOf).orElse(-1) + 1;
        return (byte) (d * 8 + p);
    }

    /** {@return the device class index, if the code has one} */
    public static Optional<Integer> device(byte code) {
        int d = (code & 0xff) / 8 - 1;
        return d >= 0 && d < DEVICES.size() ? Optional.of(d) : Optional.empty();
    }

    /** {@return the daypart index, if the code has one} */
    public static Optional<Integer> daypart(byte code) {
        int p = (code & 0xff) % 8 - 1;
        return p >= 0 && p < DAYPARTS.size() ? Optional.of(p) : Optional.empty();
    }
}
