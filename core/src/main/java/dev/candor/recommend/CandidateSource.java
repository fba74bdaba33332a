package dev.candor.recommend;

import java.util.List;

/**
 * Proposes scored, explained candidates for one request. One implementation per technique
 * ({@code recommend.source}); each reads only the data its {@link #dataCategory()} names, and
 * returns candidates whose score is the weight of their reason.
 *
 * <p>Implementations are thread-safe and cheap to call; trained state is immutable and shared.
 */
public interface CandidateSource {
    /** {@return a stable name, e.g. {@code itemknn}} */
    String name();

    /** {@return the category of data this source reads about the subject, or a non-personal category} */
    DataCategory dataCategory();

    /**
     * {@return up to {@code limit} candidates, best first}; never items in {@code excluded}
     * (history, exclusions) and only items the {@code filter} accepts.
     */
    List<Candidate> candidates(SourceQuery query, int limit);
}
