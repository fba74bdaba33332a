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
 * @param cf               the collaborative models behind level {@code full} (EASE, iALS)
 * @param retention        how long events of each type are kept; older ones are deleted by the sweeper
 *                         (types not listed are kept until deleted or erased; empty: nothing expires)
 * @param posture          whether explanations are shown and what consent applies before a choice
 */
public record EngineConfig(DecayPolicy decay, SensitivityPolicy sensitivity, Duration retrainInterval,
                           int knnNeighbours, double knnShrink, int minGroupSubjects, Collaborative cf,
                           java.util.Map<String, Duration> retention, Posture posture) {
    /**
     * Trust-relevant switches the self-assessment reads ({@code GET /v1/trust/score}). The defaults
     * are Candor's principles; the alternatives exist so their cost shows in the trust score.
     *
     * @param explanations   whether responses show each item's reasons (off: reasons are still
     *                       computed — the score is their sum — but not shown, and explanation
     *                       coverage counts the items as unexplained)
     * @param consentDefault what applies to a subject before they choose
     */
    public record Posture(boolean explanations, dev.candor.consent.ConsentDefault consentDefault) {
        public static final Posture DEFAULT = new Posture(true, dev.candor.consent.ConsentDefault.PRIVACY_BY_DEFAULT);

        public Posture {
            Objects.requireNonNull(consentDefault, "consentDefault");
        }
    }

    /** A configuration with the default {@link Posture}. */
    public EngineConfig(DecayPolicy decay, SensitivityPolicy sensitivity, Duration retrainInterval, int knnNeighbours,
                        double knnShrink, int minGroupSubjects, Collaborative cf, java.util.Map<String, Duration> retention) {
        this(decay, sensitivity, retrainInterval, knnNeighbours, knnShrink, minGroupSubjects, cf, retention, Posture.DEFAULT);
    }

    /**
     * Default retention per event type: browsing behaviour stops defining someone and is then deleted;
     * explicit signals a person gave (ratings, likes) and purchases are kept until they delete them.
     */
    public static final java.util.Map<String, Duration> DEFAULT_RETENTION = java.util.Map.of(
            "view", Duration.ofDays(365), "click", Duration.ofDays(365), "search", Duration.ofDays(90),
            "add_to_cart", Duration.ofDays(180));

    /**
     * The collaborative models behind level {@code full} and their blend. Defaults were chosen by
     * {@code candor evaluate --tune} on ml-100k (see docs/benchmarks.md); rerun it on your own data and
     * set these. {@code candor evaluate}'s {@code default} is exactly what these settings serve.
     *
     * @param easeLambda     EASE's λ
     * @param easeDropout    EASE's dropout-emphasis rate (EDLAE, Steck 2020); 0 is plain EASE
     * @param easeMaxItems   EASE is trained only for catalogs up to this size (its memory grows as n² while it is fitted)
     * @param easeNeighbours weights kept per row of EASE's matrix, the strongest by magnitude (the rest are
     *                       zero): a request costs history length × this, the model items × this; at least the
     *                       catalog size keeps the whole matrix
     * @param ials           iALS hyper-parameters
     * @param refitInterval  how often EASE and iALS are refit when data changed (they are also refit at
     *                       start and after every erasure); the cheap models follow {@code retrainInterval}
     * @param fullWeights    blend weights per source at level {@code full} with enough evidence and
     *                       intensity {@code high} ({@code PersonalizationPolicy})
     */
    public record Collaborative(double easeLambda, double easeDropout, int easeMaxItems, int easeNeighbours,
                                dev.candor.recommend.source.IalsModel.Params ials,
                                Duration refitInterval, java.util.Map<String, Double> fullWeights) {
        public Collaborative {
            if (!(easeLambda > 0)) {
                throw new IllegalArgumentException("easeLambda must be > 0. Provided value: " + easeLambda);
            }
            if (!(easeDropout >= 0 && easeDropout < 1)) {
                throw new IllegalArgumentException("easeDropout must be in [0, 1). Provided value: " + easeDropout);
            }
            if (easeNeighbours < 1) {
                throw new IllegalArgumentException("easeNeighbours must be >= 1. Provided value: " + easeNeighbours);
            }
            Objects.requireNonNull(ials, "ials");
            Objects.requireNonNull(refitInterval, "refitInterval");
            fullWeights = java.util.Map.copyOf(fullWeights);
        }

        /** Plain EASE and the policy's {@code FULL_WEIGHTS}. */
        public Collaborative(double easeLambda, int easeMaxItems, dev.candor.recommend.source.IalsModel.Params ials, Duration refitInterval) {
            this(easeLambda, 0, easeMaxItems, DEFAULT_EASE_NEIGHBOURS, ials, refitInterval, dev.candor.recommend.PersonalizationPolicy.FULL_WEIGHTS);
        }

        public static Collaborative defaults() {
            return new Collaborative(200, 0, 10_000, DEFAULT_EASE_NEIGHBOURS, new dev.candor.recommend.source.IalsModel.Params(64, 15, 10.0, 50.0, 42),
                    Duration.ofMinutes(5), dev.candor.recommend.PersonalizationPolicy.FULL_WEIGHTS);
        }

        /** {@return these settings with other models and weights (the size limit, pruning and refit interval stay)} */
        public Collaborative with(double lambda, double dropout, dev.candor.recommend.source.IalsModel.Params p,
                                  java.util.Map<String, Double> weights) {
            return new Collaborative(lambda, dropout, easeMaxItems, easeNeighbours, p, refitInterval, weights);
        }

        /** {@return these settings with EASE's rows pruned to {@code neighbours} weights} */
        public Collaborative withEaseNeighbours(int neighbours) {
            return new Collaborative(easeLambda, easeDropout, easeMaxItems, neighbours, ials, refitInterval, fullWeights);
        }

        /**
         * EASE weights kept per row by default: on ml-100k and ml-latest-small the blend keeps its Recall@20
         * and NDCG@100 within 0.5 % of the whole matrix (well inside the fold-to-fold spread), while a
         * request adds 512 weights per history item instead of one per catalog item (docs/benchmarks.md,
         * "EASE pruning").
         */
        public static final int DEFAULT_EASE_NEIGHBOURS = 512;
    }

    /** The default k of k-anonymity for group statistics. */
    public static final int DEFAULT_MIN_GROUP_SUBJECTS = 50;

    public EngineConfig {
        Objects.requireNonNull(posture, "posture");
        Objects.requireNonNull(cf, "cf");
        retention = java.util.Map.copyOf(retention);
        retention.values().forEach(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("retention periods must be positive");
            }
        });
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
                DEFAULT_MIN_GROUP_SUBJECTS, Collaborative.defaults(), DEFAULT_RETENTION);
    }

    public EngineConfig withRetrainInterval(Duration interval) {
        return new EngineConfig(decay, sensitivity, interval, knnNeighbours, knnShrink, minGroupSubjects, cf, retention, posture);
    }

    public EngineConfig withMinGroupSubjects(int k) {
        return new EngineConfig(decay, sensitivity, retrainInterval, knnNeighbours, knnShrink, k, cf, retention, posture);
    }

    public EngineConfig withRetention(java.util.Map<String, Duration> r) {
        return new EngineConfig(decay, sensitivity, retrainInterval, knnNeighbours, knnShrink, minGroupSubjects, cf, r, posture);
    }

    public EngineConfig withCollaborative(Collaborative c) {
        return new EngineConfig(decay, sensitivity, retrainInterval, knnNeighbours, knnShrink, minGroupSubjects, c, retention, posture);
    }

    public EngineConfig withPosture(Posture p) {
        return new EngineConfig(decay, sensitivity, retrainInterval, knnNeighbours, knnShrink, minGroupSubjects, cf, retention, p);
    }

    public EngineConfig withExplanations(boolean on) {
        return withPosture(new Posture(on, posture.consentDefault()));
    }

    public EngineConfig withConsentDefault(dev.candor.consent.ConsentDefault d) {
        return withPosture(new Posture(posture.explanations(), d));
    }
}
