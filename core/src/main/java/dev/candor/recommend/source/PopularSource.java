package dev.candor.recommend.source;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.CandidateSource;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.SourceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Non-personal fallback: the most popular items, scored by their share of the top item's count.
 * Reads nothing about the subject.
 */
public final class PopularSource implements CandidateSource {
    private final Supplier<PopularityModel> model;

    public PopularSource(Supplier<PopularityModel> model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "popular";
    }

    @Override
    public DataCategory dataCategory() {
        return DataCategory.POPULARITY;
    }

    @Override
    public List<Candidate> candidates(SourceQuery query, int limit) {
        PopularityModel m = model.get();
        int max = m.maxCount();
        List<Candidate> out = new ArrayList<>(limit);
        for (int item : m.ranking()) {
            if (out.size() >= limit) {
                break;
            }
            int c = m.count(item);
            if (c == 0) {
                break;
            }
            if (!query.accept().test(item) || query.history().contains(item)) {
                continue;
            }
            double score = (double) c / max;
            out.add(new Candidate(item, new Reason.Popular(List.of(
                    new Evidence(Evidence.Kind.STATISTIC, "popularity", "popular with other customers", "popular", score)))));
        }
        return out;
    }
}
