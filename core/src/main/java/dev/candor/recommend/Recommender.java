package dev.candor.recommend;

import dev.candor.model.Context;
import dev.candor.model.Purpose;
import dev.candor.profile.SessionIntent;
import dev.candor.recommend.rerank.MmrDiversifier;
import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.model.Preferences;
import dev.candor.recommend.blend.LinearBlend;
import dev.candor.recommend.blend.SourceResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * The recommend path after the subject's state is assembled: policy → sources → blend → filters →
 * top n. Every item leaves with reasons that add up to its score, and the response lists exactly
 * the data categories that influenced it.
 *
 * <p>Thread-safe; holds no per-request state.
 */
public final class Recommender {
    private final Catalog catalog;
    private final PersonalizationPolicy policy;
    private final Map<String, CandidateSource> sources;
    private final List<Reranker> rerankers;
    private final MmrDiversifier diversifier;
    /** The blend weight of the context source when a request carries a consented context. */
    static final double CONTEXT_WEIGHT = 0.3;

    public Recommender(Catalog catalog, PersonalizationPolicy policy, List<CandidateSource> sources, List<Reranker> rerankers) {
        this.catalog = catalog;
        this.policy = policy;
        Map<String, CandidateSource> bySource = new java.util.LinkedHashMap<>();
        for (CandidateSource s : sources) {
            bySource.put(s.name(), s);
        }
        this.sources = Map.copyOf(bySource);
        this.rerankers = List.copyOf(rerankers);
        this.diversifier = new MmrDiversifier(catalog);
    }

    public PersonalizationPolicy policy() {
        return policy;
    }

    /**
     * Recommends for a subject whose state was assembled for {@code level} (at levels below FULL the
     * state must hold no behavioural history; the caller guarantees it was not even read).
     */
    public Recommendations recommend(RecommendationRequest request, UserState user, PersonalizationLevel level,
                                     WeightedHistory evidence) {
        return recommend(request, user, level, evidence, Optional.empty());
    }

    /**
     * As {@link #recommend(RecommendationRequest, UserState, PersonalizationLevel, WeightedHistory)},
     * with the session's intent (classified by the caller from the session's own events).
     */
    public Recommendations recommend(RecommendationRequest request, UserState user, PersonalizationLevel level,
                                     WeightedHistory evidence, Optional<SessionIntent> intent) {
        return recommend(request, user, level, evidence, intent, Treatment.NONE);
    }

    /**
     * As {@link #recommend(RecommendationRequest, UserState, PersonalizationLevel, WeightedHistory, Optional)},
     * with an experiment variant's {@link Treatment} applied to the policy's decision.
     */
    public Recommendations recommend(RecommendationRequest request, UserState user, PersonalizationLevel level,
                                     WeightedHistory evidence, Optional<SessionIntent> intent, Treatment treatment) {
        PolicyDecision decision = treatment.apply(policy.decide(user, level, evidence, intent));
        Preferences prefs = level == PersonalizationLevel.NONE ? Preferences.NONE : user.preferences();
        IntPredicate accept = filter(request, user, level, prefs);
        // Context is used only with the context purpose, and only at the personal levels.
        boolean contextual = (level == PersonalizationLevel.FULL || level == PersonalizationLevel.LIGHT)
                && user.consent().allows(Purpose.CONTEXT) && !request.context().isEmpty();
        SourceQuery query = new SourceQuery(user,
                level == PersonalizationLevel.FULL || level == PersonalizationLevel.SESSION ? evidence : WeightedHistory.EMPTY,
                level, accept, request.category().map(c -> c.toLowerCase(Locale.ROOT)),
                contextual ? request.context() : Context.NONE, treatment.collections());
        if (contextual) {
            decision = decision.withSource("context", CONTEXT_WEIGHT);
        }
        int perSource = Math.max(50, request.n() * 5);
        List<SourceResult> results = new ArrayList<>();
        decision.weights().forEach((name, weight) -> {
            CandidateSource source = sources.get(name);
            if (source != null) {
                results.add(new SourceResult(name, weight, source.candidates(query, perSource)));
            }
        });
        List<ScoredItem> top = rerankers.isEmpty()
                ? chooseThenExplain(LinearBlend.rank(results, decision.diversity() >= 1.0 ? request.n() : MmrDiversifier.poolSize(request.n())),
                        request.n(), decision.diversity())
                : explainThenRerank(results, query, request.n(), decision.diversity());
        return new Recommendations(UUID.randomUUID().toString(), level, top,
                dataUsed(top, user, level, query), decision.fallback(), decision.intent());
    }

    /**
     * Chooses the n items to show from blended scores, then builds the reasons of those n only: each
     * from the same numbers that scored it, so it still adds up to the item's score.
     *
     * @param ranked the pool to choose from, best first: n items, or the diversifier's pool for n
     */
    private List<ScoredItem> chooseThenExplain(List<LinearBlend.Blended> ranked, int n, double diversity) {
        int pool = ranked.size();
        int[] items = new int[pool];
        double[] scores = new double[pool];
        for (int c = 0; c < pool; c++) {
            items[c] = ranked.get(c).item();
            scores[c] = ranked.get(c).score();
        }
        int[] chosen = diversifier.order(items, scores, n, diversity);
        List<ScoredItem> top = new ArrayList<>(chosen.length);
        double[] exact = new double[chosen.length];
        for (int c : chosen) {
            ScoredItem s = ranked.get(c).explain();
            exact[top.size()] = s.score();
            top.add(s);
        }
        // without diversification the list is in score order; the explained scores equal the blended ones
        // up to rounding, and the list is ordered by the scores it shows
        return diversity >= 1.0 ? LinearBlend.sortedByScore(top, exact) : top;
    }

    /** With rerankers, which see reasons: every blended item is explained before reranking. */
    private List<ScoredItem> explainThenRerank(List<SourceResult> results, SourceQuery query, int n, double diversity) {
        List<ScoredItem> ranked = LinearBlend.blend(results);
        for (Reranker r : rerankers) {
            ranked = r.rerank(ranked, query, n);
        }
        return diversifier.diversify(ranked, n, diversity);
    }

    private IntPredicate filter(RecommendationRequest request, UserState user, PersonalizationLevel level, Preferences prefs) {
        Optional<String> category = request.category().map(c -> c.toLowerCase(Locale.ROOT));
        boolean personal = level == PersonalizationLevel.FULL || level == PersonalizationLevel.LIGHT;
        boolean[] disliked = new boolean[catalog.categoryIdCount()]; // by category id, so the test per item allocates nothing
        boolean dislikes = personal && !prefs.dislikedCategories().isEmpty();
        if (dislikes) {
            for (String c : prefs.dislikedCategories()) {
                OptionalInt id = catalog.categoryId(c);
                if (id.isPresent() && id.getAsInt() < disliked.length) {
                    disliked[id.getAsInt()] = true;
                }
            }
        }
        byte[] shown = new byte[disliked.length]; // per category id: 0 not yet asked, 1 may be shown, 2 hidden (sensitive)
        java.util.BitSet notInterested = new java.util.BitSet(); // asked of every candidate item: no boxing
        user.notInterested().forEach(notInterested::set);
        return i -> {
            if (!catalog.isRecommendable(i)) {
                return false;
            }
            if (category.isPresent() && !catalog.hasCategory(i, category.get())) {
                return false;
            }
            if (personal && notInterested.get(i)) {
                return false;
            }
            if (dislikes) {
                for (int c : catalog.categoryIds(i)) {
                    if (c < disliked.length ? disliked[c] : dislikedByName(i, prefs)) { // a category newer than this request
                        return false;
                    }
                }
            }
            if (!catalog.isSensitive(i)) {
                return true;
            }
            for (int c : catalog.categoryIds(i)) {
                if (c >= shown.length) { // a category newer than this request
                    return catalog.sensitivity().mayShow(catalog.item(i), prefs, category);
                }
                if (shown[c] == 0) { // decided once per category and request
                    shown[c] = (byte) (catalog.sensitivity().mayShowCategory(catalog.categoryName(c), prefs, category) ? 1 : 2);
                }
                if (shown[c] == 2) {
                    return false;
                }
            }
            return true;
        };
    }

    private boolean dislikedByName(int item, Preferences prefs) {
        for (String c : catalog.item(item).categories()) {
            if (prefs.dislikedCategories().contains(c.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** {@return the data categories that influenced the response: from the reasons, plus exclusions applied} */
    static Set<DataCategory> dataUsed(List<ScoredItem> items, UserState user, PersonalizationLevel level, SourceQuery query) {
        Set<DataCategory> used = EnumSet.noneOf(DataCategory.class);
        for (ScoredItem item : items) {
            for (Reason r : item.reasons()) {
                switch (r) {
                    case Reason.BecauseYouInteracted b -> used.add(level == PersonalizationLevel.SESSION
                            ? DataCategory.SESSION : DataCategory.BEHAVIORAL);
                    case Reason.MatchesInterest m -> {
                        for (Evidence e : m.evidence()) {
                            used.add(e.relation().equals("stated") ? DataCategory.EXPLICIT_PREFERENCES : DataCategory.BEHAVIORAL);
                        }
                    }
                    case Reason.Popular p -> used.add(DataCategory.POPULARITY);
                    case Reason.Trending t -> used.add(DataCategory.POPULARITY);
                    case Reason.OftenTogether o -> used.add(DataCategory.POPULARITY);
                    case Reason.PopularWith p -> used.add(DataCategory.COMMUNITY);
                    case Reason.SuitsContext x -> used.add(DataCategory.CONTEXT);
                    case Reason.Curated c -> used.add(DataCategory.CURATED);
                    case Reason.InCategory c -> {
                        // catalog data only: nothing about anyone
                    }
                }
            }
        }
        if (level == PersonalizationLevel.SESSION) {
            if (!query.history().isEmpty()) {
                used.add(DataCategory.SESSION); // the session's items were excluded using it
            }
        } else if (level != PersonalizationLevel.NONE) {
            if (!user.notInterested().isEmpty() || !user.preferences().dislikedCategories().isEmpty()) {
                used.add(DataCategory.EXPLICIT_PREFERENCES);
            }
            if (level == PersonalizationLevel.FULL && !query.history().isEmpty()) {
                used.add(DataCategory.BEHAVIORAL); // already-seen items were excluded using the history
            }
        }
        return used;
    }
}
