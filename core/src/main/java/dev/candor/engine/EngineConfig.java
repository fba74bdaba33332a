package dev.candor.engine;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.profile.DecayPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Engine settings.
 *
 * @param decay            accepted event types and how they weigh and decay
 * @param sensitivity      sensitive categories
 * @param retrainInterval  how often models are rebuilt when data changed (ZERO: only on demand)
 * @param knnNeighbours    neighbours kept per item by item-based CF
 * @param knnShrink        shrinkage of item-based CF similarities
 * @param minGroupSubjects k of k-anonymity: the fewest distinct people a group statistic (context
 *                         popularity, community signals) may rest on
 */
public record EngineConfig(DecayPolicy decay, SensitivityPolicy sensitivity, Duration retrainInterval,
                           int knnNeighbours, double knnShrink, int minGroupSubjects) {
    /** The default k of k-anonymity for group statistics. */
    public static final int DEFAULT_MIN_GROUP_SUBJECTS = 50;

    public EngineConfig {
        if (minGroupSubjects < 2) {
            throw new IllegalArgumentException("minGroupSubjects must be >= 2. Provided value: " + minGroupSubjects);
        }
        Objects.requireNonNull(decay, "decay");
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(retrainInterval, "retrainInterval");
        if (retrainInterval.isNegative()) {
            throw new IllegalArgumentException("retrainInterval must be >= 0. Provided value: " + retrainInterval);
        }
        if (knnNeighbours < 1) {
            throw new IllegalArgumentException("knnNeighbours must be >= 1. Provided value: " + knnNeighbours);
        }
        if (!(knnShrink >= 0)) {
            throw new IllegalArgumentException("knnShrink must be >= 0. Provided value: " + knnShrink);
        }
    }

    public static EngineConfig defaults() {
        return new EngineConfig(DecayPolicy.defaults(), SensitivityPolicy.defaults(), Duration.ofSeconds(10), 50, 10,
                DEFAULT_MIN_GROUP_SUBJECTS);
    }

    public EngineConfig withRetrainInterval(Duration interval) {
        return new EngineConfig(decay, sensitivity, interval, knnNeighbours, knnShrink, minGroupSubjects);
    }

    public EngineConfig withMinGroupSubjects(int k) {
        return new EngineConfig(decay, sensitivity, retrainInterval, knnNeighbours, knnShrink, k);
    }
}
