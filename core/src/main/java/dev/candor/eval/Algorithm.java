package dev.candor.eval;

import java.util.Map;

/**
 * A recommender under evaluation: Candor's own ({@code ease}, {@code ials}, {@code itemknn},
 * {@code content}, {@code popular}, {@code default}) or a peer's (in the bench module). The
 * harness gives every algorithm the same folds and scores it with the same metric code.
 *
 * <p>Implementations are stateless factories: {@link #fit} returns a new trained model each call.
 */
public interface Algorithm {
    /** {@return a short stable name used in reports, e.g. {@code ease} or {@code mahout-itembased}} */
    String name();

    /** {@return the hyper-parameters this instance uses, for the report} */
    Map<String, Object> params();

    /**
     * Trains on one fold. Algorithms that cannot score an unseen user (most factor models of peer
     * libraries) may train on {@code data.foldIn()} as well; Candor's own never need to.
     */
    Fitted fit(FoldData data);

    /** A model trained on one fold. Thread-safe: the harness scores held-out users in parallel. */
    interface Fitted {
        /**
         * Writes a score for every universe item into {@code out} (length = number of items) for
         * held-out user {@code user} (a row of {@code foldIn}). Higher is better; the harness
         * excludes fold-in items itself.
         */
        void score(int user, float[] out);
    }
}
