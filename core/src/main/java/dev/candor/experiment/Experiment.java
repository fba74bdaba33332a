package dev.candor.experiment;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An experiment comparing recommendation strategies. The first variant is the control every other
 * variant is compared with. Immutable.
 *
 * @param id         stable id; part of the assignment hash
 * @param name       a human-readable name, 1 to 200 characters
 * @param variants   2 to 20 variants with unique names; the first is the control
 * @param guardrails trust metrics no variant may worsen (at most one per metric)
 * @param analysis   alpha and the always-valid test's mixing scale
 * @param start      when assignment begins
 * @param stop       when it ended, if it did (after {@code start})
 */
public record Experiment(ExperimentId id, String name, List<Variant> variants, List<Guardrail> guardrails,
                         Analysis analysis, Instant start, Optional<Instant> stop) {
    public static final int MAX_VARIANTS = 20;

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
        guardrails = List.copyOf(guardrails);
        if (guardrails.stream().map(Guardrail::metric).distinct().count() != guardrails.size()) {
            throw new IllegalArgumentException("at most one guardrail per metric");
        }
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        if (stop.isPresent() && !stop.get().isAfter(start)) {
            throw new IllegalArgumentException("stop must be after start");
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

    /** {@return this experiment stopped at {@code at}} */
    public Experiment stoppedAt(Instant at) {
        if (stop.isPresent()) {
            throw new IllegalStateException("experiment already stopped");
        }
        return new Experiment(id, name, variants, guardrails, analysis, start, Optional.of(at));
    }
}
