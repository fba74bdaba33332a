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
        int[] items = new int[h.size()];
        double[] weights = new double[h.size()];
        int[] position = new int[h.size()]; // where each scored history item sits in h
        int used = 0;
        for (int k = 0; k < h.size(); k++) {
            if (h.item(k) < n) {
                items[used] = h.item(k);
                weights[used] = h.weight(k);
                position[used++] = k;
            }
        }
        items = java.util.Arrays.copyOf(items, used);
        weights = java.util.Arrays.copyOf(weights, used);
        double[] scores = new double[n];
        m.score(items, weights, scores); // each score summed term by term, in the order its reason adds them
        int[] top = HistoryExplainer.top(scores, query, limit);
        EaseModel.Terms terms = m.terms(items, weights);
        List<Candidate> out = new java.util.ArrayList<>(top.length);
        for (int j : top) {
            out.add(HistoryExplainer.candidate(j, scores[j], () -> {
                double[] t = terms.of(j);
                double[] contributions = new double[h.size()];
                for (int u = 0; u < t.length; u++) {
                    contributions[position[u]] = t[u];
                }
                return contributions;
            }, h, catalog, decay));
        }
        return out;
    }
}
