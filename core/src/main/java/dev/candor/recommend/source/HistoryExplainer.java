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
