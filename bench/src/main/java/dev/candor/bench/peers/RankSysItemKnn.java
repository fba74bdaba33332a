package dev.candor.bench.peers;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import es.uam.eps.ir.ranksys.nn.item.ItemNeighborhoodRecommender;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.TopKItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.sim.VectorCosineItemSimilarity;
import java.util.LinkedHashMap;
import java.util.Map;

/** RankSys 0.4.3 item-based nearest neighbours (vector cosine, top-k neighbourhoods) on training + fold-in rows. */
public final class RankSysItemKnn implements Algorithm {
    private final int k;
    private final double alpha;

    public RankSysItemKnn(int k, double alpha) {
        this.k = k;
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "ranksys-itemknn";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", k);
        m.put("alpha", alpha);
        return m;
    }

    @Override
    public Fitted fit(FoldData data) {
        var prefs = RankSysIals.data(PeerData.all(data));
        var sim = new VectorCosineItemSimilarity<Integer>(prefs, alpha, true);
        var rec = new ItemNeighborhoodRecommender<Integer, Integer>(prefs, new TopKItemNeighborhood<>(sim, k), 1);
        return (user, out) -> {
            synchronized (rec) { // RankSys scoring shares buffers
                rec.getScoresMap(PeerData.heldOutId(data, user)).forEach((i, s) -> out[i] = s.floatValue());
            }
        };
    }
}
