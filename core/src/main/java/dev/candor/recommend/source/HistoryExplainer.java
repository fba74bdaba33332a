package dev.candor.recommend.source;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.profile.DecayPolicy;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.SourceQuery;
import dev.candor.recommend.WeightedHistory;
import java.util.ArrayList;
import java.util.List;

/** Turns per-history-item contributions into a "Because you …" reason, one piece of evidence per item. */
final class HistoryExplainer {
    private HistoryExplainer() {
    }

    /**
     * {@return the {@code limit} best positive scores among items the query accepts and the history
     * does not hold, best first (ties: lower index first)}: the shared selection step of the linear sources.
     */
    static int[] top(double[] scores, SourceQuery query, int limit) {
        WeightedHistory h = query.history();
        return TopK.of(scores, limit, j -> !h.contains(j) && query.accept().test(j));
    }

    /**
     * {@return a candidate scored by the sum of its per-history-item contributions, explained by them
     * when the reason is first needed} The contributions are computed once, so the reason is made of
     * exactly the numbers that make the score.
     *
     * @param contributions aligned with {@code h}
     */
    static Candidate candidate(int item, double[] contributions, WeightedHistory h, Catalog catalog, DecayPolicy decay) {
        double score = 0;
        for (double c : contributions) {
            score += c;
        }
        return Candidate.fromHistory(item, score, h, () -> contributions, t -> explain(h, t, catalog, decay));
    }

    /**
     * {@return a candidate with a known {@code score} whose per-history-item contributions, which add up
     * to it, are computed only when the reason is first needed} The blend may add them to another
     * source's contributions over the same history ({@link Candidate#mergedReason}).
     */
    static Candidate candidate(int item, double score, java.util.function.Supplier<double[]> contributions, WeightedHistory h,
                               Catalog catalog, DecayPolicy decay) {
        return Candidate.fromHistory(item, score, h, contributions, t -> explain(h, t, catalog, decay));
    }

    /** @param contributions aligned with {@code h}; zero contributions are left out (they add nothing) */
    static Reason explain(WeightedHistory h, double[] contributions, Catalog catalog, DecayPolicy decay) {
        // the MAX_ITEMS largest contributions by magnitude (ties: history order), strongest first
        int[] named = new int[MAX_ITEMS];
        int count = 0;
        int nonZero = 0;
        for (int k = 0; k < h.size(); k++) {
            if (contributions[k] == 0) {
                continue;
            }
            nonZero++;
            double m = Math.abs(contributions[k]);
            if (count == MAX_ITEMS && !(m > Math.abs(contributions[named[count - 1]]))) {
                continue;
            }
            int at = count < MAX_ITEMS ? count++ : count - 1;
            while (at > 0 && m > Math.abs(contributions[named[at - 1]])) {
                named[at] = named[at - 1];
                at--;
            }
            named[at] = k;
        }
        List<Evidence> evidence = new ArrayList<>(count + 1);
        boolean[] shown = new boolean[h.size()];
        for (int r = 0; r < count; r++) {
            int k = named[r];
            shown[k] = true;
            var item = catalog.item(h.item(k));
            evidence.add(new Evidence(Evidence.Kind.ITEM, item.id().value(), item.title(), decay.kind(h.kind(k)).verb(), contributions[k]));
        }
        if (nonZero > MAX_ITEMS) {
            // the long tail stays in the sum, as one piece of evidence, so the reason still adds up exactly
            double rest = 0;
            for (int k = 0; k < h.size(); k++) {
                if (!shown[k]) {
                    rest += contributions[k];
                }
            }
            int others = nonZero - MAX_ITEMS;
            evidence.add(new Evidence(Evidence.Kind.ITEM, OTHER_ITEMS, others + " other items in your history", OTHER_ITEMS, rest));
        }
        return new Reason.BecauseYouInteracted(evidence);
    }

    /**
     * Items named one by one in a reason; the rest of the history's contributions are summed into one.
     * Five: a person reads the first two or three ("Because you watched Heat and Ronin"), the
     * preference center lists the rest, and each named item costs every response about 150 bytes.
     */
    static final int MAX_ITEMS = 5;
    /** Ref and relation of the summed evidence of the remaining history items. */
    public static final String OTHER_ITEMS = "other";
}
