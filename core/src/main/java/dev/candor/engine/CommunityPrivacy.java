package dev.candor.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Differential privacy for community signals (popular and trending per segment): each release of
 * the segment counts is ε-DP ({@link dev.candor.recommend.source.SegmentModel.Builder#buildPrivate})
 * and spends ε from a budget kept in the privacy-budget ledger (durable) under
 * {@value DpCommunity#LEDGER_KEY}. A release is made at most every {@code refresh}, and at once
 * when a person counted in the current release is erased or withdraws consent; past the budget, the
 * last release is kept, or, when it counts a person who left, community signals stop.
 *
 * @param epsilon ε of one release
 * @param refresh the shortest time between scheduled releases
 * @param budget  the total ε community releases may spend
 */
public record CommunityPrivacy(double epsilon, Duration refresh, double budget) {
    public CommunityPrivacy {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be > 0 and finite. Provided value: " + epsilon);
        }
        Objects.requireNonNull(refresh, "refresh");
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("refresh must be >= 0. Provided value: " + refresh);
        }
        if (!(budget >= epsilon) || Double.isInfinite(budget)) {
            throw new IllegalArgumentException("budget must be finite and at least epsilon. Provided value: " + budget);
        }
    }

    /**
     * {@return the settings from {@code CANDOR_COMMUNITY_EPSILON} (absent: exact k-anonymous counts),
     * {@code CANDOR_COMMUNITY_REFRESH_HOURS} (default 24) and {@code CANDOR_COMMUNITY_BUDGET} (default 365 ε)}
     */
    public static Optional<CommunityPrivacy> fromEnvironment(Map<String, String> env) {
        String e = env.get("CANDOR_COMMUNITY_EPSILON");
        if (e == null || e.isBlank()) {
            return Optional.empty();
        }
        try {
            double eps = Double.parseDouble(e.strip());
            double hours = Double.parseDouble(env.getOrDefault("CANDOR_COMMUNITY_REFRESH_HOURS", "24").strip());
            double budget = Double.parseDouble(env.getOrDefault("CANDOR_COMMUNITY_BUDGET", "365").strip());
            return Optional.of(new CommunityPrivacy(eps, Duration.ofMinutes(Math.round(hours * 60)), budget));
        } catch (NumberFormatException x) {
            throw new IllegalArgumentException("CANDOR_COMMUNITY_EPSILON, _REFRESH_HOURS and _BUDGET must be numbers");
        }
    }
}
