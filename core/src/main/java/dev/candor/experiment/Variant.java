package dev.candor.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One arm of an experiment.
 *
 * @param name        1 to 64 characters of {@code [A-Za-z0-9_.-]}, unique within the experiment
 * @param weight      relative share of participants, {@code > 0} and finite (weights need not sum to 1)
 * @param strategy    how this arm builds recommendations
 * @param collections for the curated strategies, the curated collections (ids) it draws from, in
 *                    order; empty means every collection. Must be empty for the other strategies.
 */
public record Variant(String name, double weight, Strategy strategy, List<String> collections) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** The most collections one variant may name. */
    public static final int MAX_COLLECTIONS = 20;

    public Variant {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("variant name must be 1 to 64 characters of [A-Za-z0-9_.-]");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be > 0 and finite. Provided value: " + weight);
        }
        Objects.requireNonNull(strategy, "strategy");
        collections = List.copyOf(collections);
        if (!collections.isEmpty() && !strategy.usesCurated()) {
            throw new IllegalArgumentException("only the curated strategies name collections. Provided strategy: " + strategy.wireName());
        }
        if (collections.size() > MAX_COLLECTIONS) {
            throw new IllegalArgumentException("a variant names at most " + MAX_COLLECTIONS + " collections");
        }
        if (new HashSet<>(collections).size() != collections.size()) {
            throw new IllegalArgumentException("a variant names each collection once");
        }
        for (String c : collections) {
            if (!VALID.matcher(c).matches()) {
                throw new IllegalArgumentException("collection ids must be 1 to 64 characters of [A-Za-z0-9_.-]");
            }
        }
    }

    /** A variant without named collections (curated strategies then draw from every collection). */
    public Variant(String name, double weight, Strategy strategy) {
        this(name, weight, strategy, List.of());
    }

    public static Variant of(String name, double weight, Strategy strategy) {
        return new Variant(name, weight, strategy);
    }
}
