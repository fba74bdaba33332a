package dev.candor.recommend;

import dev.candor.explain.Reason;
import java.util.Objects;
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
 * <p>Not thread-safe when deferred: a candidate belongs to one request.
 */
public final class Candidate {
    /** Relative difference allowed between a deferred score and its reason's weight (summation order). */
    static final double TOLERANCE = 1e-9;

    private final int item;
    private final double score;
    private Supplier<Reason> explain;
    private Reason reason;

    /**
     * @param item   catalog index
     * @param reason why, carrying the score's decomposition into evidence
     */
    public Candidate(int item, Reason reason) {
        this.item = item;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.score = reason.weight();
    }

    private Candidate(int item, double score, Supplier<Reason> explain) {
        this.item = item;
        this.score = score;
        this.explain = explain;
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
