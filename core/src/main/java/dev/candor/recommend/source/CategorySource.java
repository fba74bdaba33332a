package dev.candor.recommend.source;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.CandidateSource;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.SourceQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * When a request names a category, every item of it is a candidate with a flat score, so browsing a
 * category never comes back empty (in particular a sensitive category, whose behaviour feeds no
 * model). Reads nothing about the subject; ties are ordered by popularity, which selects but never
 * changes a score.
 */
public final class CategorySource implements CandidateSource {
    private final Catalog catalog;
    private final Supplier<PopularityModel> popularity;

    public CategorySource(Catalog catalog, Supplier<PopularityModel> popularity) {
        this.catalog = catalog;
        this.popularity = popularity;
    }

    @Override
    public String name() {
        return "category";
    }

    @Override
    public DataCategory dataCategory() {
        return DataCategory.POPULARITY;
    }

    @Override
    public List<Candidate> candidates(SourceQuery query, int limit) {
        if (query.category().isEmpty()) {
            return List.of();
        }
        String category = query.category().get();
        PopularityModel pop = popularity.get();
        List<Integer> items = new ArrayList<>();
        int n = catalog.size();
        for (int i = 0; i < n; i++) {
            if (catalog.isRecommendable(i) && catalog.hasCategory(i, category) && !query.history().contains(i)
                    && query.accept().test(i)) {
                items.add(i);
            }
        }
        items.sort(Comparator.comparingInt((Integer i) -> pop.count(i)).reversed().thenComparingInt(i -> i));
        List<Candidate> out = new ArrayList<>();
        for (int i : items.subList(0, Math.min(limit, items.size()))) {
            out.add(new Candidate(i, new Reason.InCategory(category, List.of(
                    new Evidence(Evidence.Kind.CATEGORY, category, category, "requested", 1.0)))));
        }
        return out;
    }
}
