package dev.candor.ingest;

import dev.candor.model.ConsentState;
import dev.candor.model.Context;
import dev.candor.model.Purpose;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps only what the subject's consent covers, and only as precisely as needed: context is
 * dropped entirely without {@link Purpose#CONTEXT}; with it, the device is kept as one of five
 * classes, the daypart as one of four, and the region coarsened to a country or
 * country-subdivision code (e.g. {@code US-CA}); anything finer is cut off. Stateless.
 */
public final class Minimizer {
    public static final Set<String> DEVICES = Set.of("mobile", "desktop", "tablet", "tv", "other");
    public static final Set<String> DAYPARTS = Set.of("morning", "afternoon", "evening", "night");
    private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?([-_/ ].*)?");

    /** {@return an error message when a context field is malformed, else empty} */
    public Optional<String> validate(RawContext raw) {
        if (raw.device().isPresent() && !DEVICES.contains(raw.device().get().toLowerCase(Locale.ROOT))) {
            return Optional.of("context.device must be one of " + String.join(", ", new java.util.TreeSet<>(DEVICES)));
        }
        if (raw.daypart().isPresent() && !DAYPARTS.contains(raw.daypart().get().toLowerCase(Locale.ROOT))) {
            return Optional.of("context.daypart must be one of " + String.join(", ", new java.util.TreeSet<>(DAYPARTS)));
        }
        if (raw.region().isPresent() && (raw.region().get().length() > 64 || !REGION.matcher(raw.region().get()).matches())) {
            return Optional.of("context.region must be a country or country-subdivision code such as US or US-CA");
        }
        return Optional.empty();
    }

    /** {@return the context to keep for a subject with {@code consent}; assumes {@link #validate} passed} */
    public Context minimize(RawContext raw, ConsentState consent) {
        if (!consent.allows(Purpose.CONTEXT)) {
            return Context.NONE;
        }
        return coarse(raw);
    }

    /**
     * {@return the context coarsened (device and daypart lowercased, region cut to a subdivision)}
     * Assumes {@link #validate} passed. For request contexts, which are used (with consent) but never stored.
     */
    public Context coarse(RawContext raw) {
        return new Context(
                raw.device().map(d -> d.toLowerCase(Locale.ROOT)),
                raw.daypart().map(d -> d.toLowerCase(Locale.ROOT)),
                raw.region().map(Minimizer::coarsen));
    }

    /** {@return the region cut to at most country-subdivision, uppercase} */
    static String coarsen(String region) {
        String upper = region.toUpperCase(Locale.ROOT);
        String[] parts = upper.split("[-_/ ]");
        if (parts.length >= 2 && parts[1].matches("[A-Z0-9]{1,3}") && upper.charAt(2) == '-') {
            return parts[0] + "-" + parts[1];
        }
        return parts[0];
    }
}
