package dev.candor.recommend;

import dev.candor.explain.Reason;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One source's proposal of an item: its score is exactly the weight of its reason, so a source
 * cannot score without explaining.
 *
 * <p>A source may defer building the reason ({@link #deferred}) when it knows the score without
 * it: ranking then needs only scores, and only the items that are finally shown get explained. The
 * reason is built from the same numbers as the score, and building it checks that its weight is the
 * score (up to floating-point rounding), so a deferred reason cannot drift from what ranked the item.
 *
 * <p>A source whose score is a sum over the subject's history ({@link #fromHistory}: EASE, iALS) also
 * exposes the terms of that sum, one per history item, so that the blend can add several such
 * sources' terms item by item and explain the blended share with one "Because you …" reason
 * ({@link #mergedReason}) rather than one per source naming much the same items.
 *
 * <p>Not thread-safe when deferred: a candidate belongs to one request.
 */
public final class Candidate {
    /** Relative difference allowed between a deferred score and its reason's weight (summation order). */
    static final double TOLERANCE = 1e-9;

    private final int item;
    private final double score;
    private Supplier<Reason> explain;
    private Reason reason;
    // fromHistory only: the history, its terms (computed once, on first use) and how they become a reason
    private final WeightedHistory history;
    private Supplier<double[]> termsSource;
    private double[] terms;
    private final Function<double[], Reason> fromTerms;

    /**
     * @param item   catalog index
     * @param reason why, carrying the score's decomposition into evidence
     */
    public Candidate(int item, Reason reason) {
        this.item = item;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.score = reason.weight();
        this.history = null;
        this.fromTerms = null;
    }

    private Candidate(int item, double score, Supplier<Reason> explain) {
        this.item = item;
        this.score = score;
        this.explain = explain;
        this.history = null;
        this.fromTerms = null;
    }

    private Candidate(int item, double score, WeightedHistory history, Supplier<double[]> terms, Function<double[], Reason> fromTerms) {
        this.item = item;
        this.score = score;
        this.history = history;
        this.termsSource = terms;
        this.fromTerms = fromTerms;
        this.explain = () -> fromTerms.apply(terms());
    }

    /**
     * {@return a candidate whose reason is built on first use} {@code explain} must decompose
     * {@code score} exactly: the reason's weight must equal it up to rounding.
     */
    public static Candidate deferred(int item, double score, Supplier<Reason> explain) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite. Provided value: " + score);
        }
        return new Candidate(item, score, Objects.requireNonNull(explain, "explain"));
    }

    /**
     * {@return a candidate whose score is the sum of per-history-item terms, computed and explained on
     * first use} {@code terms} yields one term per position of {@code history} (aligned with it) and must
     * add up to {@code score}; {@code fromTerms} turns any such aligned terms into the reason they add
     * up to (it is also given the blend's sums of several sources' terms, see {@link #mergedReason}).
     */
    public static Candidate fromHistory(int item, double score, WeightedHistory history, Supplier<double[]> terms,
                                        Function<double[], Reason> fromTerms) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite. Provided value: " + score);
        }
        return new Candidate(item, score, Objects.requireNonNull(history, "history"), Objects.requireNonNull(terms, "terms"),
                Objects.requireNonNull(fromTerms, "fromTerms"));
    }

    /** {@return the history this candidate's score is a sum over, or null when it is not one} */
    public WeightedHistory history() {
        return history;
    }

    private double[] terms() {
        if (terms == null) {
            double[] t = termsSource.get();
            if (t.length != history.size()) {
                throw new IllegalStateException("terms must be aligned with the history: " + t.length + " vs " + history.size());
            }
            terms = t;
            termsSource = null;
        }
        return terms;
    }

    /**
     * {@return one reason for the shares {@code factor[s] · score} of candidates that are sums over the
     * same history}: their terms added item by item ({@code Σ factor[s] · term[s][k]} for history item
     * k), explained by the first candidate's {@code fromTerms}. Its weight is the sum of the shares, up
     * to rounding (checked, as for a deferred reason).
     *
     * @throws IllegalArgumentException if a candidate is not a sum over the first one's history
     */
    public static Reason mergedReason(List<Candidate> candidates, double[] factors) {
        Candidate first = candidates.get(0);
        double[] sum = new double[first.history.size()];
        double expected = 0;
        for (int s = 0; s < candidates.size(); s++) {
            Candidate c = candidates.get(s);
            if (c.history != first.history) {
                throw new IllegalArgumentException("candidates to merge must be sums over the same history");
            }
            double f = factors[s];
            double[] t = c.terms();
            for (int k = 0; k < sum.length; k++) {
                sum[k] += f * t[k];
            }
            expected += f * c.score;
        }
        Reason r = Objects.requireNonNull(first.fromTerms.apply(sum), "reason");
        if (!(Math.abs(r.weight() - expected) <= TOLERANCE * Math.max(1, Math.abs(expected)))) {
            throw new IllegalStateException("a merged reason must add up to its shares: " + r.weight() + " vs " + expected);
        }
        return r;
    }

    /** {@return the catalog index} */
    public int item() {
        return item;
    }

    /** {@return the score: the weight of the reason} */
    public double score() {
        return score;
    }

    /**
     * {@return why, carrying the score's decomposition into evidence}
     *
     * @throws IllegalStateException if a deferred reason does not add up to the score (a source's bug)
     */
    public Reason reason() {
        if (reason == null) {
            Reason r = Objects.requireNonNull(explain.get(), "reason");
            double w = r.weight();
            if (!(Math.abs(w - score) <= TOLERANCE * Math.max(1, Math.abs(score)))) {
                throw new IllegalStateException("a reason must add up to its score: " + w + " vs " + score);
            }
            reason = r;
            explain = null;
        }
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && c.item == item && c.reason().equals(reason());
    }

    @Override
    public int hashCode() {
        return 31 * item + reason().hashCode();
    }

    @Override
    public String toString() {
        return "Candidate[item=" + item + ", score=" + score + "]";
    }
}
