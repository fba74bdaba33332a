package dev.candor.recommend;

import java.util.List;

/**
 * Reorders or filters a ranked list (diversity, calibration, exposure, business rules). A reranker
 * may drop or reorder items but never changes an item's reasons, so scores stay explained.
 * Thread-safe.
 */
public interface Reranker {
    /** {@return the reranked list; at least the first {@code n} positions are final} */
    List<ScoredItem> rerank(List<ScoredItem> ranked, SourceQuery query, int n);
}
