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
 * iALS at request time: the subject is folded in from their current evidence items (so an event
 * accepted now counts at once), and each candidate's reason carries the linear decomposition of
 * Hu, Koren &amp; Volinsky (2008, §5) — per history item {@code c · y_jᵀ W y_i} — which adds up to
 * the score exactly.
 */
public final class IalsSource implements CandidateSource {
    private final Supplier<IalsModel> model;
    private final Catalog catalog;
    private final DecayPolicy decay;

    public IalsSource(Supplier<IalsModel> model, Catalog catalog, DecayPolicy decay) {
        this.model = model;
        this.catalog = catalog;
        this.decay = decay;
    }

    @Override
    public String name() {
        return "ials";
    }

    @Override
    public DataCategory dataCategory() {
        return DataCategory.BEHAVIORAL;
    }

    @Override
    public List<Candidate> candidates(SourceQuery query, int limit) {
        WeightedHistory h = query.history();
        IalsModel m = model.get();
        if (h.isEmpty() || m == null || m.numItems() == 0) {
            return List.of();
        }
        int n = m.numItems();
        List<Integer> positions = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            if (h.item(k) < n) {
                positions.add(k);
            }
        }
        if (positions.isEmpty()) {
            return List.of();
        }
        int[] items = positions.stream().mapToInt(k -> h.item(k)).toArray();
        IalsModel.FoldIn user = m.foldIn(items);
        float[] ranking = new float[n];
        user.score(ranking);
        double[] scores = new double[n];
        for (int j = 0; j < n; j++) {
            scores[j] = ranking[j];
        }
        int[] top = HistoryExplainer.top(scores, query, limit);
        List<Candidate> out = new ArrayList<>(top.length);
        for (int j : top) {
            // the score is y_jᵀ x; its decomposition (the costly part: one solve per item) waits until the item is shown
            out.add(HistoryExplainer.candidate(j, user.score(j), () -> {
                double[] parts = user.contributions(j);
                double[] contributions = new double[h.size()];
                for (int p = 0; p < parts.length; p++) {
                    contributions[positions.get(p)] = parts[p];
                }
                return contributions;
            }, h, catalog, decay));
        }
        return out;
    }
}
