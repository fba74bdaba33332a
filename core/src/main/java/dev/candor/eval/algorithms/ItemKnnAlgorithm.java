package dev.candor.eval.algorithms;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.ItemKnnModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Item-based CF with shrunk cosine similarity and top-k neighbourhoods ({@link ItemKnnModel}, as served). */
public final class ItemKnnAlgorithm implements Algorithm {
    private final int neighbours;
    private final double shrink;

    public ItemKnnAlgorithm(int neighbours, double shrink) {
        this.neighbours = neighbours;
        this.shrink = shrink;
    }

    @Override
    public String name() {
        return "itemknn";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("neighbours", neighbours);
        m.put("shrink", shrink);
        return m;
    }

    @Override
    public Fitted fit(FoldData data) {
        InteractionMatrix train = data.train();
        List<int[]> rows = new ArrayList<>(train.numUsers());
        for (int u = 0; u < train.numUsers(); u++) {
            rows.add(train.items(u));
        }
        ItemKnnModel model = ItemKnnModel.train(rows, train.numItems(), neighbours, shrink);
        InteractionMatrix foldIn = data.foldIn();
        return (user, out) -> {
            for (int h : foldIn.items(user)) {
                int[] nb = model.neighbours(h);
                float[] sim = model.similarities(h);
                for (int t = 0; t < nb.length; t++) {
                    out[nb[t]] += sim[t];
                }
            }
        };
    }
}
