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
 */
public record EngineConfig(DecayPolicy decay, SensitivityPolicy sensitivity, Duration retrainInterval,
                           int knnNeighbours, double knnShrink) {
    public EngineConfig {
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
        return new EngineConfig(DecayPolicy.defaults(), SensitivityPolicy.defaults(), Duration.ofSeconds(10), 50, 10);
    }

    public EngineConfig withRetrainInterval(Duration interval) {
        return new EngineConfig(decay, sensitivity, interval, knnNeighbours, knnShrink);
    }
}
