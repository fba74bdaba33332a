package dev.candor.profile;

import dev.candor.model.EventType;
import java.time.Duration;
import java.util.Objects;

/**
 * How one event type counts as evidence of interest.
 *
 * @param type      the event type
 * @param weight    the weight of one event at age zero (value 1 unless {@code ratingScale})
 * @param halfLife  after this long the event weighs half as much; {@link Duration#ZERO} means no decay
 * @param ratingScale when true the weight scales with the value: {@code weight * max(0, value - 3) / 2},
 *                  so on a 1–5 scale 5 counts fully, 4 half, 3 and below not at all
 * @param verb      the past-tense verb used in explanations ("viewed", "bought", "rated")
 */
public record EventKind(EventType type, double weight, Duration halfLife, boolean ratingScale, String verb) {
    public EventKind {
        Objects.requireNonNull(type, "type");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be >= 0 and finite. Provided value: " + weight);
        }
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isNegative()) {
            throw new IllegalArgumentException("halfLife must be >= 0. Provided value: " + halfLife);
        }
        if (verb == null || verb.isBlank()) {
            throw new IllegalArgumentException("verb must not be blank");
        }
    }

    /** {@return the undecayed weight of one event with this value} */
    public double baseWeight(double value) {
        return ratingScale ? weight * Math.max(0, value - 3) / 2 : weight;
    }
}
