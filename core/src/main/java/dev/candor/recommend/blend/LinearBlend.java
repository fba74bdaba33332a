package dev.candor.recommend.blend;

import dev.candor.explain.Reason;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.ScoredItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted linear blending of sources: each source's scores are divided by its best score (so every
 * source spans (0, 1]) and multiplied by its weight; an item's score is the sum over sources
 * (a score-level variant of the "weighted hybrid" of Burke 2002). Because every reason is scaled by
 * exactly the factor its score is, an item's reasons still add up to its blended score. An item's
 * reasons are ordered by weight, strongest first.
 */
public final class LinearBlend {
    private LinearBlend() {
    }

    /**
     * {@return the blended items, best first (ties: lower item index first)}. Sources with weight 0
     * or no positive candidate contribute nothing.
     */
    public static List<ScoredItem> blend(List<SourceResult> results) {
        Map<Integer, List<Reason>> reasons = new LinkedHashMap<>();
        for (SourceResult r : results) {
            double best = 0;
            for (Candidate c : r.candidates()) {
                best = Math.max(best, c.score());
            }
            if (r.weight() == 0 || best <= 0) {
                continue;
            }
            double factor = r.weight() / best;
            for (Candidate c : r.candidates()) {
                if (c.score() > 0) {
                    reasons.computeIfAbsent(c.item(), x -> new ArrayList<>()).add(c.reason().scaled(factor));
                }
            }
        }
        List<ScoredItem> out = new ArrayList<>(reasons.size());
        reasons.forEach((item, rs) -> {
            rs.sort(Comparator.comparingDouble(Reason::weight).reversed().thenComparing(Reason::kind));
            out.add(new ScoredItem(item, rs));
        });
        out.sort(Comparator.comparingDouble(ScoredItem::score).reversed().thenComparingInt(ScoredItem::item));
        return out;
    }
}
