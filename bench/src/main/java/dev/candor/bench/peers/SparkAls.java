package dev.candor.bench.peers;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Spark MLlib ALS with implicit preferences (Hu et al. 2008), local[*], on training + fold-in rows. */
public final class SparkAls implements Algorithm, AutoCloseable {
    private final int rank;
    private final int iterations;
    private final double regParam;
    private final double alpha;
    private SparkSession spark;
    private SparkAls shared;
    /** Seconds the last {@link #fit} spent in ALS.fit alone (excluding data preparation and collection). */
    public volatile double lastAlsSeconds;

    public SparkAls(int rank, int iterations, double regParam, double alpha) {
        this.rank = rank;
        this.iterations = iterations;
        this.regParam = regParam;
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "spark-als";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("iterations", iterations);
        m.put("regParam", regParam);
        m.put("alpha", alpha);
        return m;
    }

    /** Uses {@code other}'s Spark session (grids of settings share one local cluster). */
    public SparkAls sharing(SparkAls other) {
        this.shared = other;
        return this;
    }

    public double regParam() {
        return regParam;
    }

    public double alpha() {
        return alpha;
    }

    private synchronized SparkSession spark() {
        if (shared != null) {
            return shared.spark();
        }
        if (spark == null) {
            spark = SparkSession.builder().appName("candor-bench").master("local[*]")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
        }
        return spark;
    }

    /** {@return the local Spark session these settings train in (created on first use)} */
    public SparkSession session() {
        return spark();
    }

    /**
     * Fits ALS with these settings on {@code ratings} (columns user, item, rating; cache and count it
     * first, so that loading is not timed) and forces the lazy parts, as {@link #fit} does.
     * {@return the seconds ALS.fit took, or NaN when it did not finish within {@code timeoutSeconds}
     * (its jobs are then cancelled)}
     */
    public double timeFit(Dataset<Row> ratings, long timeoutSeconds) throws InterruptedException {
        SparkSession s = spark();
        ALS als = new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iterations).setRegParam(regParam).setAlpha(alpha)
                .setUserCol("user").setItemCol("item").setRatingCol("rating").setSeed(42).setNumBlocks(4);
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            long t0 = System.nanoTime();
            java.util.concurrent.Future<?> run = ex.submit(() -> {
                ALSModel model = als.fit(ratings);
                model.itemFactors().count();
                model.userFactors().count();
            });
            try {
                run.get(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS);
                return (System.nanoTime() - t0) / 1e9;
            } catch (java.util.concurrent.TimeoutException e) {
                s.sparkContext().cancelAllJobs();
                run.cancel(true);
                return Double.NaN;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Spark ALS failed", e.getCause());
            }
        } finally {
            ex.shutdownNow();
        }
    }

    @Override
    public Fitted fit(FoldData data) {
        InteractionMatrix all = PeerData.all(data);
        List<Row> rows = new ArrayList<>(all.nnz());
        for (int u = 0; u < all.numUsers(); u++) {
            for (int i : all.items(u)) {
                rows.add(RowFactory.create(u, i, 1.0f));
            }
        }
        StructType schema = new StructType().add("user", DataTypes.IntegerType).add("item", DataTypes.IntegerType)
                .add("rating", DataTypes.FloatType);
        Dataset<Row> df = spark().createDataFrame(rows, schema).cache();
        df.count();
        ALS als = new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iterations).setRegParam(regParam).setAlpha(alpha)
                .setUserCol("user").setItemCol("item").setRatingCol("rating").setSeed(42).setNumBlocks(4);
        long t0 = System.nanoTime();
        ALSModel model = als.fit(df);
        model.itemFactors().count(); // force the lazy parts
        lastAlsSeconds = (System.nanoTime() - t0) / 1e9;
        int n = all.numItems();
        float[][] items = new float[n][];
        for (Row r : model.itemFactors().collectAsList()) {
            items[r.getInt(0)] = toArray(r.getList(1));
        }
        Map<Integer, float[]> users = new java.util.HashMap<>();
        for (Row r : model.userFactors().collectAsList()) {
            users.put(r.getInt(0), toArray(r.getList(1)));
        }
        df.unpersist();
        return (user, out) -> {
            float[] x = users.get(PeerData.heldOutId(data, user));
            if (x == null) {
                return;
            }
            for (int j = 0; j < n; j++) {
                float[] y = items[j];
                if (y == null) {
                    continue;
                }
                float s = 0;
                for (int k = 0; k < x.length; k++) {
                    s += x[k] * y[k];
                }
                out[j] = s;
            }
        };
    }

    private static float[] toArray(List<Object> v) {
        float[] out = new float[v.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = ((Number) v.get(k)).floatValue();
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }
}
