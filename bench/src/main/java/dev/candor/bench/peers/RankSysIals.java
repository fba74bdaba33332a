package dev.candor.bench.peers;

import cern.colt.matrix.DoubleMatrix1D;
import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastItemIndex;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastUserIndex;
import es.uam.eps.ir.ranksys.fast.preference.SimpleFastPreferenceData;
import es.uam.eps.ir.ranksys.mf.Factorization;
import es.uam.eps.ir.ranksys.mf.als.HKVFactorizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jooq.lambda.tuple.Tuple;
import org.jooq.lambda.tuple.Tuple3;

/**
 * RankSys 0.4.3 iALS ({@code HKVFactorizer}: Hu, Koren &amp; Volinsky) on training + fold-in rows.
 * Started from RankSys's own initial factors (uniform on [0, √(1/K))), drawn from a seeded generator
 * instead of {@code Math.random()}, so that a fit, and the search over α and λ, repeat exactly.
 */
public final class RankSysIals implements Algorithm {
    /** The initial factors' seed (the comparison's). */
    static final long SEED = 42;
    private final int factors;
    private final int iterations;
    private final double lambda;
    private final double alpha;

    public RankSysIals(int factors, int iterations, double lambda, double alpha) {
        this.factors = factors;
        this.iterations = iterations;
        this.lambda = lambda;
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "ranksys-ials";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", factors);
        m.put("iterations", iterations);
        m.put("lambda", lambda);
        m.put("alpha", alpha);
        return m;
    }

    static SimpleFastPreferenceData<Integer, Integer> data(InteractionMatrix all) {
        List<Tuple3<Integer, Integer, Double>> prefs = new ArrayList<>(all.nnz());
        for (int u = 0; u < all.numUsers(); u++) {
            for (int i : all.items(u)) {
                prefs.add(Tuple.tuple(u, i, 1.0));
            }
        }
        return SimpleFastPreferenceData.load(prefs.stream(), SimpleFastUserIndex.load(IntStream.range(0, all.numUsers()).boxed()),
                SimpleFastItemIndex.load(IntStream.range(0, all.numItems()).boxed()));
    }

    @Override
    public Fitted fit(FoldData data) {
        InteractionMatrix all = PeerData.all(data);
        var prefs = data(all);
        double a = alpha;
        java.util.Random random = new java.util.Random(SEED);
        double scale = Math.sqrt(1.0 / factors);
        Factorization<Integer, Integer> f = new Factorization<>(prefs, prefs, factors, x -> scale * random.nextDouble());
        new HKVFactorizer<Integer, Integer>(lambda, x -> 1 + a * x, iterations).factorize(f, prefs);
        int n = all.numItems();
        double[][] items = new double[n][];
        for (int j = 0; j < n; j++) {
            DoubleMatrix1D v = f.getItemVector(j);
            items[j] = v == null ? null : v.toArray();
        }
        return (user, out) -> {
            DoubleMatrix1D xv = f.getUserVector(PeerData.heldOutId(data, user));
            if (xv == null) {
                return;
            }
            double[] x = xv.toArray();
            for (int j = 0; j < n; j++) {
                if (items[j] == null) {
                    continue;
                }
                double s = 0;
                for (int k = 0; k < x.length; k++) {
                    s += x[k] * items[j][k];
                }
                out[j] = (float) s;
            }
        };
    }
}
