package dev.candor.recommend.source;

import dev.candor.profile.DecayPolicy;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.CandidateSource;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.SourceQuery;
import dev.candor.recommend.WeightedHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Item-based CF at request time: the subject's current evidence (so an event accepted now changes
 * the next answer) against the latest trained {@link ItemKnnModel}. Each candidate's reason names
 * the history items that point to it most, each with its exact contribution {@code w(h) · sim(h, j)}
 * (the rest summed, as for EASE and iALS, with which the blend merges it per history item).
 */
public final class ItemKnnSource implements CandidateSource {
    private final Supplier<ItemKnnModel> model;
    private final Catalog catalog;
    private final DecayPolicy decay;

    public ItemKnnSource(Supplier<ItemKnnModel> model, Catalog catalog, DecayPolicy decay) {
        this.model = model;
        this.catalog = catalog;
        this.decay = decay;
    }

    @Override
    public String name() {
        return "itemknn";
    }

    @Override
    public DataCategory dataCategory() {
        return DataCategory.BEHAVIORAL;
    }

    @Override
    public List<Candidate> candidates(SourceQuery query, int limit) {
        WeightedHistory h = query.history();
        ItemKnnModel m = model.get();
        if (h.isEmpty() || m.numItems() == 0) {
            return List.of();
        }
        java.util.Map<Integer, double[]> scores = new java.util.HashMap<>();
        for (int k = 0; k < h.size(); k++) {
            int[] nb = m.neighbours(h.item(k));
            float[] sim = m.similarities(h.item(k));
            double w = h.weight(k);
            for (int t = 0; t < nb.length; t++) {
                int j = nb[t];
                if (h.contains(j) || !query.accept().test(j)) {
                    continue;
                }
                scores.computeIfAbsent(j, x -> new double[1])[0] += w * sim[t];
            }
        }
        List<int[]> ranked = TopK.of(scores, limit);
        List<Candidate> out = new ArrayList<>(ranked.size());
        for (int[] r : ranked) {
            out.add(HistoryExplainer.candidate(r[0], contributions(r[0], h, m), h, catalog, decay));
        }
        return out;
    }

    /** {@return per history item, its share of item j's score: the item's weight times its similarity to j} */
    private static double[] contributions(int j, WeightedHistory h, ItemKnnModel m) {
        double[] out = new double[h.size()];
        for (int k = 0; k < h.size(); k++) {
            out[k] = h.weight(k) * m.similarity(h.item(k), j);
        }
        return out;
    }
}
