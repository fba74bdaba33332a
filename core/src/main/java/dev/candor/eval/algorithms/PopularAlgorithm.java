package dev.candor.eval.algorithms;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import java.util.Map;

/** Most popular items among training users: the same list for everyone. */
public final class PopularAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "popular";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of();
    }

    @Override
    public Fitted fit(FoldData data) {
        float[] counts = new float[data.train().numItems()];
        for (int c : data.train().colIndex()) {
            counts[c]++;
        }
        return (user, out) -> System.arraycopy(counts, 0, out, 0, counts.length);
    }
}
