package dev.candor.eval.algorithms;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.model.Item;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.edge.EdgeModel;
import dev.candor.recommend.source.ItemKnnModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The on-device model under evaluation: the served item-kNN model ({@code neighbours}, {@code shrink})
 * cut to the edge's top {@code edgeNeighbours} per item and, when {@code quantized}, 8-bit similarities
 * ({@link EdgeModel}), scored like {@link ItemKnnAlgorithm}. Without quantization it isolates the
 * loss from the cut alone.
 */
public final class EdgeKnnAlgorithm implements Algorithm {
    private final int neighbours;
    private final double shrink;
    private final int edgeNeighbours;
    private final boolean quantized;

    public EdgeKnnAlgorithm(int neighbours, double shrink, int edgeNeighbours, boolean quantized) {
        this.neighbours = neighbours;
        this.shrink = shrink;
        this.edgeNeighbours = edgeNeighbours;
        this.quantized = quantized;
    }

    @Override
    public String name() {
        return "itemknn-edge" + (quantized ? "" : "-float");
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("neighbours", neighbours);
        m.put("shrink", shrink);
        m.put("edge_neighbours", edgeNeighbours);
        m.put("bits", quantized ? 8 : 32);
        return m;
    }

    @Override
    public Fitted fit(FoldData data) {
        InteractionMatrix train = data.train();
        List<int[]> rows = new ArrayList<>(train.numUsers());
        for (int u = 0; u < train.numUsers(); u++) {
            rows.add(train.items(u));
        }
        int n = train.numItems();
        ItemKnnModel served = ItemKnnModel.train(rows, n, neighbours, shrink);
        Catalog catalog = new Catalog(new SensitivityPolicy(Set.of()));
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(Item.of(data.items().ids().get(i), data.items().titles().get(i), data.items().categories().get(i)));
        }
        catalog.putAll(items);
        EdgeModel edge = EdgeModel.of(served, catalog, edgeNeighbours, Instant.EPOCH);
        ItemKnnModel model = quantized ? edge.asKnnModel() : cut(served, edge);
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

    /** The edge's neighbourhoods with the served float similarities. */
    private static ItemKnnModel cut(ItemKnnModel served, EdgeModel edge) {
        int n = edge.asKnnModel().numItems();
        int[][] nb = new int[n][];
        float[][] sim = new float[n][];
        for (int i = 0; i < n; i++) {
            nb[i] = edge.asKnnModel().neighbours(i);
            sim[i] = new float[nb[i].length];
            for (int t = 0; t < nb[i].length; t++) {
                sim[i][t] = (float) served.similarity(i, nb[i][t]);
            }
        }
        return ItemKnnModel.of(nb, sim, new int[n]);
    }
}
