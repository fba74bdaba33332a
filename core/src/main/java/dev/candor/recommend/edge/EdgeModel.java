package dev.candor.recommend.edge;

import dev.candor.model.ConsentState;
import dev.candor.model.EventType;
import dev.candor.model.ItemId;
import dev.candor.model.Preferences;
import dev.candor.model.SubjectId;
import dev.candor.profile.DecayPolicy;
import dev.candor.profile.EventKind;
import dev.candor.profile.History;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.recommend.SourceQuery;
import dev.candor.recommend.UserState;
import dev.candor.recommend.WeightedHistory;
import dev.candor.recommend.source.ItemKnnModel;
import dev.candor.recommend.source.ItemKnnSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The on-device item model: for every recommendable, non-sensitive item, its {@code k} strongest
 * item-kNN neighbours among such items, each similarity quantized to an 8-bit code
 * {@code q ∈ [1, 255]} on one scale s = max similarity / 255, so sim ≈ {@code (float) (q · s)}.
 * Sensitive items are left out entirely: a browser holds no opt-ins, and the model is the same for
 * everyone who downloads it.
 *
 * <p>Scoring is the server's {@link ItemKnnSource} arithmetic over these dequantized similarities:
 * a history item h with weight w(h) — the sum of its events' base weights, without time decay, as
 * for anonymous sessions — adds {@code w(h) · sim(h, j)} to each neighbour j it does not hold,
 * summed in ascending item order, in IEEE double precision; the top n positive scores win, ties to
 * the item listed first. {@code web/edge/candor-edge.js} does exactly these operations in the same
 * order, so both sides produce the same items, order, scores and evidence bit for bit;
 * {@link #recommend} is the server side, by the production source class itself. Immutable.
 */
public final class EdgeModel {
    public static final String FORMAT = "candor-edge-v1";
    /** Neighbours kept per item by default. */
    public static final int DEFAULT_NEIGHBOURS = 20;
    /** The most events one on-device history may use (as an anonymous session). */
    public static final int MAX_EVENTS = 200;

    private final int[] catalogIndex;   // edge position → catalog index, ascending
    private final int[][] neighbours;   // per position: neighbour positions, ascending
    private final int[][] codes;        // aligned with neighbours, 1..255
    private final float scale;
    private final ItemKnnModel knn;     // the dequantized model over catalog indexes
    private final Instant trainedAt;

    private EdgeModel(int[] catalogIndex, int[][] neighbours, int[][] codes, float scale, int catalogSize, Instant trainedAt) {
        this.catalogIndex = catalogIndex;
        this.neighbours = neighbours;
        this.codes = codes;
        this.scale = scale;
        this.trainedAt = trainedAt;
        int[][] nb = new int[catalogSize][];
        float[][] sim = new float[catalogSize][];
        Arrays.fill(nb, new int[0]);
        Arrays.fill(sim, new float[0]);
        for (int p = 0; p < catalogIndex.length; p++) {
            int[] n = new int[neighbours[p].length];
            float[] v = new float[n.length];
            for (int t = 0; t < n.length; t++) {
                n[t] = catalogIndex[neighbours[p][t]];
                v[t] = dequantize(codes[p][t], scale);
            }
            nb[catalogIndex[p]] = n;
            sim[catalogIndex[p]] = v;
        }
        this.knn = ItemKnnModel.of(nb, sim, new int[catalogSize]);
    }

    /** {@return the similarity a code stands for: {@code (float) (code · scale)}, the same in Java and JavaScript} */
    public static float dequantize(int code, float scale) {
        return (float) (code * (double) scale);
    }

    /**
     * Builds the edge model from the served item-kNN model.
     *
     * @param k neighbours kept per item (the strongest; ties to the lower index)
     */
    public static EdgeModel of(ItemKnnModel served, Catalog catalog, int k, Instant trainedAt) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1. Provided value: " + k);
        }
        int n = catalog.size();
        int[] position = new int[n];
        Arrays.fill(position, -1);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (catalog.isRecommendable(i) && !catalog.isSensitive(i)) {
                position[i] = kept.size();
                kept.add(i);
            }
        }
        int[] index = kept.stream().mapToInt(Integer::intValue).toArray();
        int[][] nbr = new int[index.length][];
        float[][] sims = new float[index.length][];
        float max = 0;
        for (int p = 0; p < index.length; p++) {
            int[] nb = served.neighbours(index[p]);
            float[] sim = served.similarities(index[p]);
            PriorityQueue<int[]> top = new PriorityQueue<>((a, b) -> sim[a[0]] != sim[b[0]] ? Float.compare(sim[a[0]], sim[b[0]])
                    : Integer.compare(nb[b[0]], nb[a[0]]));
            for (int t = 0; t < nb.length; t++) {
                if (nb[t] < n && position[nb[t]] >= 0 && sim[t] > 0) {
                    top.add(new int[] {t});
                    if (top.size() > k) {
                        top.poll();
                    }
                }
            }
            int[] ts = top.stream().mapToInt(a -> a[0]).sorted().toArray(); // ascending t = ascending neighbour index
            nbr[p] = new int[ts.length];
            sims[p] = new float[ts.length];
            for (int x = 0; x < ts.length; x++) {
                nbr[p][x] = position[nb[ts[x]]];
                sims[p][x] = sim[ts[x]];
                max = Math.max(max, sim[ts[x]]);
            }
        }
        float scale = max > 0 ? max / 255f : 1f;
        int[][] codes = new int[index.length][];
        for (int p = 0; p < index.length; p++) {
            codes[p] = new int[sims[p].length];
            for (int x = 0; x < codes[p].length; x++) {
                codes[p][x] = (int) Math.max(1, Math.min(255, Math.round(sims[p][x] / (double) scale)));
            }
        }
        return new EdgeModel(index, nbr, codes, scale, n, trainedAt);
    }

    public int size() {
        return catalogIndex.length;
    }

    /** {@return the catalog index of edge position p} */
    public int catalogIndex(int p) {
        return catalogIndex[p];
    }

    /** {@return position p's neighbour positions, ascending (shared: do not modify)} */
    public int[] neighbours(int p) {
        return neighbours[p];
    }

    /** {@return position p's similarity codes (shared: do not modify)} */
    public int[] codes(int p) {
        return codes[p];
    }

    public float scale() {
        return scale;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    /** {@return the number of neighbour entries} */
    public long edges() {
        long e = 0;
        for (int[] nb : neighbours) {
            e += nb.length;
        }
        return e;
    }

    /** {@return the dequantized model as an item-kNN model over catalog indexes (what server-side scoring uses)} */
    public ItemKnnModel asKnnModel() {
        return knn;
    }

    /** One event kept on the device: item, type and optional value (a rating). */
    public record Event(ItemId item, EventType type, Optional<Double> value) {
    }

    /**
     * {@return the server-side reference recommendations for an on-device history}: the production
     * {@link ItemKnnSource} over {@link #asKnnModel()}. Events on items outside the model, of unknown
     * types, or weighing nothing are ignored; each item's weight is the sum of its events' base
     * weights (in event order) and its verb that of the event that weighed most (the first on ties).
     */
    public List<Candidate> recommend(List<Event> events, int n, Catalog catalog, DecayPolicy decay) {
        Map<Integer, double[]> weight = new HashMap<>();
        Map<Integer, double[]> best = new HashMap<>(); // {max base weight, kind}
        for (Event e : events.subList(0, Math.min(events.size(), MAX_EVENTS))) {
            OptionalInt i = catalog.indexOf(e.item());
            Optional<Byte> kind = decay.code(e.type());
            if (i.isEmpty() || kind.isEmpty() || !inModel(i.getAsInt())) {
                continue;
            }
            EventKind k = decay.kind(kind.get());
            double w = k.baseWeight(e.value().orElse(1.0));
            if (!(w > 0)) {
                continue;
            }
            weight.computeIfAbsent(i.getAsInt(), x -> new double[1])[0] += w;
            double[] b = best.computeIfAbsent(i.getAsInt(), x -> new double[] {-1, 0});
            if (w > b[0]) {
                b[0] = w;
                b[1] = kind.get();
            }
        }
        int[] items = weight.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] w = new double[items.length];
        byte[] kinds = new byte[items.length];
        for (int t = 0; t < items.length; t++) {
            w[t] = weight.get(items[t])[0];
            kinds[t] = (byte) best.get(items[t])[1];
        }
        WeightedHistory history = WeightedHistory.of(items, w, kinds);
        UserState nobody = new UserState(ANONYMOUS, ConsentState.DEFAULT, Preferences.NONE, History.EMPTY, Set.of(), Set.of(), trainedAt);
        SourceQuery query = new SourceQuery(nobody, history, PersonalizationLevel.SESSION, this::inModel, Optional.empty(),
                dev.candor.model.Context.NONE);
        return new ItemKnnSource(() -> knn, catalog, decay).candidates(query, n);
    }

    /** {@return whether catalog item i is in the model} */
    public boolean inModel(int i) {
        return Arrays.binarySearch(catalogIndex, i) >= 0;
    }

    private static final SubjectId ANONYMOUS = SubjectId.of("0".repeat(64));
}
