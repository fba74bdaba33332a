package dev.candor.recommend.source;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
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
 * the next answer) against the latest trained {@link ItemKnnModel}. Each candidate's reason lists
 * the history items that point to it, each with its exact contribution {@code w(h) · sim(h, j)}.
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
            out.add(new Candidate(r[0], explain(r[0], h, m)));
        }
        return out;
    }

    private Reason explain(int j, WeightedHistory h, ItemKnnModel m) {
        List<Evidence> evidence = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            double s = m.similarity(h.item(k), j);
            if (s != 0) {
                var item = catalog.item(h.item(k));
                evidence.add(new Evidence(Evidence.Kind.ITEM, item.id().value(), item.title(),
                        decay.kind(h.kind(k)).verb(), h.weight(k) * s));
            }
        }
        return new Reason.BecauseYouInteracted(evidence);
    }
}
