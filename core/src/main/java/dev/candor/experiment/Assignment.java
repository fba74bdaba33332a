package dev.candor.experiment;

import java.util.Locale;
import java.util.Objects;

/** The outcome of assigning a subject to an experiment. */
public sealed interface Assignment {
    /** {@return the strategy to serve} */
    Strategy strategy();

    /** The subject takes part and is counted. */
    record Enrolled(ExperimentId experiment, Variant variant) implements Assignment {
        public Enrolled {
            Objects.requireNonNull(experiment, "experiment");
            Objects.requireNonNull(variant, "variant");
        }

        @Override
        public Strategy strategy() {
            return variant.strategy();
        }
    }

    /** The subject gets {@link Strategy#DEFAULT} and is not counted. */
    record NotEnrolled(Why why) implements Assignment {
        public NotEnrolled {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public Strategy strategy() {
            return Strategy.DEFAULT;
        }
    }

    /** Why a subject does not take part. */
    enum Why {
        /** The subject has not granted the {@code experiments} purpose. */
        NO_EXPERIMENTS_CONSENT,
        /** The experiment has not started or has stopped. */
        NOT_RUNNING,
        /** No such experiment. */
        UNKNOWN_EXPERIMENT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
