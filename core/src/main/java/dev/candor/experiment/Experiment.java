package dev.candor.experiment;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An experiment comparing recommendation strategies. The first variant is the control every other
 * variant is compared with. Immutable.
 *
 * @param id         stable id; part of the assignment hash
 * @param name       a human-readable name, 1 to 200 characters
 * @param variants   2 to 20 variants with unique names; the first is the control
 * @param guardrails trust metrics no variant may worsen (at most one per metric; kept in metric order)
 * @param analysis   alpha and the always-valid test's mixing scale
 * @param start      when assignment begins
 * @param stop       when it ended, if it did (after {@code start})
 * @param surfaces   the surfaces (home, product page…) whose requests it covers; empty: every request
 */
public record Experiment(ExperimentId id, String name, List<Variant> variants, List<Guardrail> guardrails,
                         Analysis analysis, Instant start, Optional<Instant> stop, Set<String> surfaces) {
    public static final int MAX_VARIANTS = 20;
    /** The most surfaces one experiment may name. */
    public static final int MAX_SURFACES = 20;
    private static final Pattern SURFACE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** What an experiment is doing at some instant. */
    public enum Status {
        /** Not started yet. */
        SCHEDULED,
        /** Assigning subjects. */
        RUNNING,
        /** Stopped: no longer assigning; its results stay. */
        STOPPED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An experiment covering every surface. */
    public Experiment(ExperimentId id, String name, List<Variant> variants, List<Guardrail> guardrails,
                      Analysis analysis, Instant start, Optional<Instant> stop) {
        this(id, name, variants, guardrails, analysis, start, stop, Set.of());
    }

    public Experiment {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        variants = List.copyOf(variants);
        if (variants.size() < 2 || variants.size() > MAX_VARIANTS) {
            throw new IllegalArgumentException("an experiment needs 2 to " + MAX_VARIANTS + " variants. Provided: " + variants.size());
        }
        Set<String> names = new HashSet<>();
        for (Variant v : variants) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("variant names must be unique. Duplicate: " + v.name());
            }
        }
        guardrails = guardrails.stream().sorted(java.util.Comparator.comparing(Guardrail::metric)).toList(); // order carries no meaning
        if (guardrails.stream().map(Guardrail::metric).distinct().count() != guardrails.size()) {
            throw new IllegalArgumentException("at most one guardrail per metric");
        }
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        if (stop.isPresent() && !stop.get().isAfter(start)) {
            throw new IllegalArgumentException("stop must be after start");
        }
        surfaces = java.util.Collections.unmodifiableSet(new TreeSet<>(surfaces));
        if (surfaces.size() > MAX_SURFACES) {
            throw new IllegalArgumentException("an experiment names at most " + MAX_SURFACES + " surfaces");
        }
        for (String s : surfaces) {
            if (!SURFACE.matcher(s).matches()) {
                throw new IllegalArgumentException("surfaces must be 1 to 64 characters of [A-Za-z0-9_.-]");
            }
        }
    }

    /** {@return a running experiment with the default guardrails and analysis} */
    public static Experiment of(ExperimentId id, String name, List<Variant> variants, Instant start) {
        return new Experiment(id, name, variants, Guardrail.defaults(), Analysis.DEFAULT, start, Optional.empty());
    }

    /** {@return the control variant (the first)} */
    public Variant control() {
        return variants.getFirst();
    }

    /** {@return the variant with this name, if any} */
    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** {@return whether subjects are assigned at {@code at}: started and not stopped} */
    public boolean isRunning(Instant at) {
        return !at.isBefore(start) && stop.map(at::isBefore).orElse(true);
    }

    /** {@return whether it is scheduled, running or stopped at {@code at}} */
    public Status status(Instant at) {
        if (at.isBefore(start)) {
            return Status.SCHEDULED;
        }
        return isRunning(at) ? Status.RUNNING : Status.STOPPED;
    }

    /** {@return whether a request for {@code surface} (none: a request naming no surface) falls under it} */
    public boolean covers(Optional<String> surface) {
        return surfaces.isEmpty() || surface.isPresent() && surfaces.contains(surface.get());
    }

    /**
     * {@return whether this experiment and {@code other} could both cover one request at some time}:
     * their running times overlap and they share a surface (an experiment naming none covers all).
     */
    public boolean overlaps(Experiment other) {
        boolean timesOverlap = stop.map(s -> other.start().isBefore(s)).orElse(true)
                && other.stop().map(s -> start.isBefore(s)).orElse(true);
        boolean surfacesOverlap = surfaces.isEmpty() || other.surfaces().isEmpty()
                || surfaces.stream().anyMatch(other.surfaces()::contains);
        return timesOverlap && surfacesOverlap;
    }

    /** {@return this experiment stopped at {@code at}; stopping before the start cancels it} */
    public Experiment stoppedAt(Instant at) {
        if (stop.isPresent() && !stop.get().isAfter(at)) {
            throw new IllegalStateException("experiment already stopped");
        }
        Instant end = at.isAfter(start) ? at : start.plusNanos(1000);
        return new Experiment(id, name, variants, guardrails, analysis, start, Optional.of(end), surfaces);
    }
}
