package dev.candor.experiment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Something that happened after an impression, attributed to it through its request id. */
public sealed interface Outcome {
    Instant at();

    /** A click on an item of the response. */
    record Click(Instant at) implements Outcome {
        public Click {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A conversion (purchase, sign-up…) credited to the response, with revenue when the host sends it.
     *
     * @param revenue {@code >= 0} and finite, in the host's currency unit
     * @param item    the item converted on, when known: a second conversion of the same item credited
     *                to the same response is a retry and is not counted again
     */
    record Conversion(Instant at, Optional<Double> revenue, Optional<String> item) implements Outcome {
        /** A conversion without an item: every one counts. */
        public Conversion(Instant at, Optional<Double> revenue) {
            this(at, revenue, Optional.empty());
        }

        public Conversion {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(revenue, "revenue");
            Objects.requireNonNull(item, "item");
            revenue.ifPresent(r -> {
                if (!(r >= 0) || Double.isInfinite(r)) {
                    throw new IllegalArgumentException("revenue must be >= 0 and finite. Provided value: " + r);
                }
            });
        }
    }

    /** "Too personal" feedback on an item of the response. */
    record TooPersonal(Instant at) implements Outcome {
        public TooPersonal {
            Objects.requireNonNull(at, "at");
        }
    }

    /** "Not interested" feedback on an item of the response. */
    record NotInterested(Instant at) implements Outcome {
        public NotInterested {
            Objects.requireNonNull(at, "at");
        }
    }
}
