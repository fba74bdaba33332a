package dev.candor.recommend.source;

import dev.candor.profile.DecayPolicy;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.CandidateSource;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.SourceQuery;
import dev.candor.recommend.WeightedHistory;
import java.util.List;
import java.util.function.Supplier;

/**
 * EASE at request time on the subject's current evidence: {@code s(j) = Σ_h w(h) · B[h][j]}. Each
 * candidate's reason lists every history item with its exact contribution {@code w(h) · B[h][j]}
 * (some may be negative); they add up to the score.
 */
public final class EaseSource implements CandidateSource {
    private final Supplier<EaseModel> model;
    private final Catalog catalog;
    private final DecayPolicy decay;

    public EaseSource(Supplier<EaseModel> model, Catalog catalog, DecayPolicy decay) {
        this.model = model;
        this.catalog = catalog;
        this.decay = decay;
    }

    @Override
    public String name() {
        return "ease";
    }

    @Override
    public DataCategory dataCategory() {
        return DataCategory.BEHAVIORAL;
    }

    @Override
    public List<Candidate> candidates(SourceQuery query, int limit) {
        WeightedHistory h = query.history();
        EaseModel m = model.get();
        if (h.isEmpty() || m.numItems() == 0) {
            return List.of();
        }
        int n = m.numItems();
        float[] scores = new float[n];
        int[] items = new int[h.size()];
        float[] weights = new float[h.size()];
        int used = 0;
        for (int k = 0; k < h.size(); k++) {
            if (h.item(k) < n) {
                items[used] = h.item(k);
                weights[used++] = (float) h.weight(k);
            }
        }
        m.score(java.util.Arrays.copyOf(items, used), java.util.Arrays.copyOf(weights, used), scores);
        int[] top = HistoryExplainer.top(scores, query, limit);
        List<Candidate> out = new java.util.ArrayList<>(top.length);
        for (int j : top) {
            double[] contributions = new double[h.size()];
            for (int k = 0; k < h.size(); k++) {
                contributions[k] = h.item(k) < n ? h.weight(k) * m.weight(h.item(k), j) : 0;
            }
            out.add(HistoryExplainer.candidate(j, contributions, h, catalog, decay));
        }
        return out;
    }
}
