package dev.candor.recommend.source;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.model.Item;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.CandidateSource;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.recommend.SourceQuery;
import dev.candor.recommend.WeightedHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Content-based: items whose categories match the subject's interests. Interests are the
 * categories the subject stated (weight 1 each) and, at level FULL only, the categories their
 * evidence falls in, as a share of their total evidence weight ("learned", at least 5 %). An
 * item's score is the sum of its matched interests (each distinct category once); each match is one
 * piece of evidence.
 * Ties are broken by popularity, which selects but never changes a score.
 */
public final class ContentSource implements CandidateSource {
    /** Learned interests below this share of the subject's evidence are ignored. */
    public static final double MIN_LEARNED_SHARE = 0.05;

    private final Catalog catalog;
    private final Supplier<PopularityModel> popularity;

    public ContentSource(Catalog catalog, Supplier<PopularityModel> popularity) {
        this.catalog = catalog;
        this.popularity = popularity;
    }

    @Override
    public String name() {
        return "content";
    }

    @Override
    public DataCategory dataCategory() {
        return DataCategory.EXPLICIT_PREFERENCES;
    }

    /** {@return the subject's interests: category to (stated weight, learned weight)} */
    public Map<String, double[]> interests(SourceQuery query) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String c : query.user().preferences().likedCategories()) {
            out.computeIfAbsent(c.toLowerCase(Locale.ROOT), x -> new double[2])[0] = 1.0;
        }
        WeightedHistory h = query.history();
        if (query.level() == PersonalizationLevel.FULL && !h.isEmpty()) {
            double total = h.totalWeight();
            double[] learned = new double[catalog.categoryIdCount()]; // share of the evidence per category id
            boolean[] seen = new boolean[learned.length];
            int[] order = new int[learned.length]; // ids in the order the history first shows them
            int distinct = 0;
            for (int k = 0; k < h.size(); k++) {
                for (int id : catalog.categoryIds(h.item(k))) {
                    if (id >= learned.length) { // a category newer than this request
                        int grown = Math.max(id + 1, 2 * learned.length);
                        learned = java.util.Arrays.copyOf(learned, grown);
                        seen = java.util.Arrays.copyOf(seen, grown);
                        order = java.util.Arrays.copyOf(order, grown);
                    }
                    if (!seen[id]) {
                        seen[id] = true;
                        order[distinct++] = id;
                    }
                    learned[id] += h.weight(k) / total;
                }
            }
            for (int d = 0; d < distinct; d++) {
                double share = learned[order[d]];
                String c = catalog.categoryName(order[d]);
                if (share >= MIN_LEARNED_SHARE && !query.user().preferences().dislikedCategories().contains(c)
                        && !query.user().preferences().hiddenInterests().contains(c)) {
                    out.computeIfAbsent(c, x -> new double[2])[1] = share;
                }
            }
        }
        return out;
    }

    @Override
    public List<Candidate> candidates(SourceQuery query, int limit) {
        Map<String, double[]> interests = interests(query);
        if (interests.isEmpty()) {
            return List.of();
        }
        PopularityModel pop = popularity.get();
        double[] byId = new double[catalog.categoryIdCount()]; // interest weight per category id
        interests.forEach((c, w) -> catalog.categoryId(c).ifPresent(id -> {
            if (id < byId.length) {
                byId[id] = w[0] + w[1];
            }
        }));
        int n = catalog.size();
        double[] score = new double[n];
        catalog.addCategoryWeights(byId, score);
        // visited from most to least popular (ties by index), so equal scores go to the more popular item
        int[] top = TopK.bestInOrder(score, pop.ranking(), n, limit, i -> !query.history().contains(i) && query.accept().test(i));
        List<Candidate> out = new ArrayList<>(top.length);
        for (int i : top) {
            out.add(Candidate.deferred(i, score[i], () -> explain(catalog.item(i), interests)));
        }
        return out;
    }

    private static Reason explain(Item item, Map<String, double[]> interests) {
        List<Evidence> evidence = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>(); // a category listed twice counts once, as in the score
        for (String c : item.categories()) {
            double[] w = interests.get(c.toLowerCase(Locale.ROOT));
            if (w == null || !seen.add(c.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (w[0] > 0) {
                evidence.add(new Evidence(Evidence.Kind.CATEGORY, c.toLowerCase(Locale.ROOT), c, "stated", w[0]));
            }
            if (w[1] > 0) {
                evidence.add(new Evidence(Evidence.Kind.CATEGORY, c.toLowerCase(Locale.ROOT), c, "activity", w[1]));
            }
        }
        return new Reason.MatchesInterest(evidence);
    }
}
