package dev.candor.recommend;

import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * What a source gets for one request: the subject's state, their usable evidence, and the filter
 * every candidate must pass (recommendable, not excluded, in the requested category, allowed by
 * the sensitive-category guard).
 *
 * @param user    the subject's state for this request
 * @param history the evidence inference may use (empty at levels below FULL)
 * @param level   the personalization level decided for this request
 * @param accept  candidates must satisfy this
 * @param category the category the request asked for, lowercase, if any
 * <p>{@code context} is the request's coarse context, already emptied when the subject has not
 * granted the {@code context} purpose. {@code collections} are the curated collections an
 * experiment variant draws from (empty: every collection); only the curated source reads them.
 */
public record SourceQuery(UserState user, WeightedHistory history, PersonalizationLevel level, IntPredicate accept,
                          java.util.Optional<String> category, dev.candor.model.Context context,
                          java.util.List<String> collections) {
    /** A query over every curated collection. */
    public SourceQuery(UserState user, WeightedHistory history, PersonalizationLevel level, IntPredicate accept,
                       java.util.Optional<String> category, dev.candor.model.Context context) {
        this(user, history, level, accept, category, context, java.util.List.of());
    }

    /** A query without request context. */
    public SourceQuery(UserState user, WeightedHistory history, PersonalizationLevel level, IntPredicate accept,
                       java.util.Optional<String> category) {
        this(user, history, level, accept, category, dev.candor.model.Context.NONE);
    }

    public SourceQuery {
        collections = java.util.List.copyOf(collections);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(accept, "accept");
    }
}
