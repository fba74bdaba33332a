package dev.candor.recommend.source;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.profile.DecayPolicy;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.WeightedHistory;
import java.util.ArrayList;
import java.util.List;

/** Turns per-history-item contributions into a "Because you …" reason, one piece of evidence per item. */
final class HistoryExplainer {
    private HistoryExplainer() {
    }

    /**
     * The shared last step of the linear sources: the {@code limit} best positive scores among items
     * the query accepts and the history does not hold, each explained by its per-history-item
     * contributions (which add up to its score).
     *
     * @param contributions for a candidate item, the contributions aligned with {@code h}
     */
    static List<dev.candor.recommend.Candidate> candidates(float[] scores, dev.candor.recommend.SourceQuery query, int limit,
                                                          java.util.function.IntFunction<double[]> contributions, Catalog catalog,
                                                          DecayPolicy decay) {
        WeightedHistory h = query.history();
        java.util.Map<Integer, double[]> positive = new java.util.HashMap<>();
        for (int j = 0; j < scores.length; j++) {
            if (scores[j] > 0 && !h.contains(j) && query.accept().test(j)) {
                positive.put(j, new double[] {scores[j]});
            }
        }
        List<dev.candor.recommend.Candidate> out = new ArrayList<>(Math.min(limit, positive.size()));
        for (int[] top : TopK.of(positive, limit)) {
            out.add(new dev.candor.recommend.Candidate(top[0], explain(h, contributions.apply(top[0]), catalog, decay)));
        }
        return out;
    }

    /** @param contributions aligned with {@code h}; zero contributions are left out (they add nothing) */
    static Reason explain(WeightedHistory h, double[] contributions, Catalog catalog, DecayPolicy decay) {
        List<Evidence> evidence = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            if (contributions[k] != 0) {
                var item = catalog.item(h.item(k));
                evidence.add(new Evidence(Evidence.Kind.ITEM, item.id().value(), item.title(), decay.kind(h.kind(k)).verb(), contributions[k]));
            }
        }
        return new Reason.BecauseYouInteracted(evidence);
    }
}
