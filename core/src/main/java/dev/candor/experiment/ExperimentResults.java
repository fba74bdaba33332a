package dev.candor.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An experiment's results at one look.
 *
 * @param experiment the experiment's id
 * @param name       its name
 * @param at         when they were computed
 * @param running    whether it was still assigning subjects
 * @param analysis   the alpha and mixing scale used
 * @param variants   one result per variant, in the experiment's order (control first)
 * @param breaches   guardrail breaches found; empty when none
 */
public record ExperimentResults(ExperimentId experiment, String name, Instant at, boolean running, Analysis analysis,
                                List<VariantResult> variants, List<GuardrailBreach> breaches) {
    public ExperimentResults {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(analysis, "analysis");
        variants = List.copyOf(variants);
        breaches = List.copyOf(breaches);
    }

    public Optional<VariantResult> variant(String name) {
        return variants.stream().filter(v -> v.variant().name().equals(name)).findFirst();
    }

    public boolean hasBreach() {
        return !breaches.isEmpty();
    }
}
