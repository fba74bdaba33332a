package dev.candor.bench;

import dev.candor.recommend.InteractionMatrix;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code bench/run Synthetic [events] [--csv FILE]}: a seeded power-law data set for the training and
 * memory benches, generated in memory (and, for Spark, streamed to a CSV file outside the repository).
 *
 * <p>The model ({@link Params#defaults()}: 10,000 items, 100,000 users, 10,000,000 events, seed 42):
 * <ul>
 *   <li>user activity is Zipf-like: the user of activity rank r (1-based) has a number of events
 *       proportional to {@code r^-userExponent} (0.8), capped at {@code maxPerUser} (3,000, 30 % of the
 *       catalog), scaled so that the counts add up to exactly {@code events}; the least active user
 *       still has about 20 events;</li>
 *   <li>item popularity is Zipf: each event picks the item of popularity rank k with probability
 *       proportional to {@code k^-itemExponent} (1.0), without replacement within a user, so every
 *       event is a distinct (user, item) pair and the 10 M events are 10 M positives for iALS and EASE;
 *       very popular items saturate (the most popular one is in almost every history);</li>
 *   <li>ranks are mapped to user and item ids by seeded random permutations, so ids carry no
 *       popularity order (no artificial cache locality), and every user draws from their own
 *       {@code SplittableRandom} derived from the seed and the user id: the set is the same whatever
 *       the thread count;</li>
 *   <li>{@link #eventOrder} is a seeded random permutation of all events: the arrival order used to
 *       ingest (users interleave, as on a live site).</li>
 * </ul>
 * The first {@code k} user ids are a uniform sample of users (ids are permuted ranks), so
 * {@link #firstUsers} is an unbiased subsample with the same shape.
 */
public final class Synthetic {
    /**
     * @param items         catalog size
     * @param users         number of users (each has at least one event)
     * @param events        total events, each a distinct (user, item) pair
     * @param itemExponent  Zipf exponent of item popularity
     * @param userExponent  Zipf exponent of user activity
     * @param maxPerUser    cap on one user's events
     * @param seed          seed of everything
     */
    public record Params(int items, int users, long events, double itemExponent, double userExponent, int maxPerUser, long seed) {
        public Params {
            if (items < 1 || users < 1 || events < users || maxPerUser < 1 || maxPerUser > items
                    || events > (long) users * maxPerUser || events > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("need 1 <= users <= events <= users * maxPerUser, maxPerUser <= items, events < 2^31");
            }
        }

        public static Params defaults() {
            return new Params(10_000, 100_000, 10_000_000, 1.0, 0.8, 3_000, 42);
        }

        /** {@return these parameters with {@code e} events and users scaled to keep 100 events per user} */
        public Params withEvents(long e) {
            int u = (int) Math.max(1, Math.round((double) users * e / events));
            return new Params(items, u, e, itemExponent, userExponent, Math.min(maxPerUser, items), seed);
        }

        public Params withItems(int n) {
            return new Params(n, users, events, itemExponent, userExponent, Math.min(maxPerUser, (int) (n * 0.3)), seed);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d items, %,d users, %,d events, item exponent %s, user exponent %s, at most %,d events per user, seed %d",
                    items, users, events, itemExponent, userExponent, maxPerUser, seed);
        }
    }

    private final Params params;
    private final int[] rowPtr;   // users + 1: user u's events are [rowPtr[u], rowPtr[u+1])
    private final int[] items;    // per event, increasing within a user

    private Synthetic(Params params, int[] rowPtr, int[] items) {
        this.params = params;
        this.rowPtr = rowPtr;
        this.items = items;
    }

    public Params params() {
        return params;
    }

    public int numUsers() {
        return rowPtr.length - 1;
    }

    public int numItems() {
        return params.items();
    }

    public int size() {
        return items.length;
    }

    public int rowStart(int user) {
        return rowPtr[user];
    }

    public int rowEnd(int user) {
        return rowPtr[user + 1];
    }

    /** {@return the item of event {@code k} (events are grouped by user)} */
    public int item(int k) {
        return items[k];
    }

    /** {@return the user of event {@code k}} (binary search over the row pointers) */
    public int user(int k) {
        int pos = Arrays.binarySearch(rowPtr, k);
        if (pos >= 0) {
            while (rowPtr[pos + 1] == k) {
                pos++; // cannot happen (every user has events), kept for safety
            }
            return pos;
        }
        return -pos - 2;
    }

    /** Generates the data set (in parallel; the result does not depend on the thread count). */
    public static Synthetic generate(Params p) {
        int[] counts = activity(p);
        int[] userOfRank = permutation(p.users(), new SplittableRandom(p.seed() ^ 0x5EED_0001L));
        int[] itemOfRank = permutation(p.items(), new SplittableRandom(p.seed() ^ 0x5EED_0002L));
        int[] perUser = new int[p.users()];
        for (int r = 0; r < p.users(); r++) {
            perUser[userOfRank[r]] = counts[r];
        }
        int[] rowPtr = new int[p.users() + 1];
        for (int u = 0; u < p.users(); u++) {
            rowPtr[u + 1] = rowPtr[u] + perUser[u];
        }
        double[] cdf = new double[p.items()];
        double s = 0;
        for (int k = 0; k < p.items(); k++) {
            s += Math.pow(k + 1, -p.itemExponent());
            cdf[k] = s;
        }
        for (int k = 0; k < p.items(); k++) {
            cdf[k] /= s;
        }
        int[] items = new int[rowPtr[p.users()]];
        int chunk = 1024;
        IntStream.range(0, (p.users() + chunk - 1) / chunk).parallel().forEach(t -> {
            boolean[] taken = new boolean[p.items()];
            for (int u = t * chunk, end = Math.min(p.users(), u + chunk); u < end; u++) {
                SplittableRandom rnd = new SplittableRandom(mix(p.seed(), u));
                int from = rowPtr[u];
                int to = rowPtr[u + 1];
                for (int q = from; q < to; ) {
                    int rank = Arrays.binarySearch(cdf, rnd.nextDouble());
                    rank = Math.min(p.items() - 1, rank >= 0 ? rank : -rank - 1);
                    int item = itemOfRank[rank];
                    if (!taken[item]) {
                        taken[item] = true;
                        items[q++] = item;
                    }
                }
                for (int q = from; q < to; q++) {
                    taken[items[q]] = false;
                }
                Arrays.sort(items, from, to);
            }
        });
        return new Synthetic(p, rowPtr, items);
    }

    /** Events per activity rank: {@code min(cap, c · r^-a)}, c chosen so that they add up to {@code events}. */
    static int[] activity(Params p) {
        int n = p.users();
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            w[r] = Math.pow(r + 1, -p.userExponent());
        }
        double lo = 0;
        double hi = (double) p.events() / w[n - 1] + 1;
        for (int it = 0; it < 200; it++) {
            double c = (lo + hi) / 2;
            double total = 0;
            for (int r = 0; r < n; r++) {
                total += Math.min(p.maxPerUser(), Math.max(1, Math.floor(c * w[r])));
            }
            if (total > p.events()) {
                hi = c;
            } else {
                lo = c;
            }
        }
        int[] counts = new int[n];
        long total = 0;
        for (int r = 0; r < n; r++) {
            counts[r] = (int) Math.min(p.maxPerUser(), Math.max(1, Math.floor(lo * w[r])));
            total += counts[r];
        }
        // the remainder (fewer than the users below the cap) goes one each to the most active uncapped users
        for (int r = 0; total < p.events(); r = (r + 1) % n) {
            if (counts[r] < p.maxPerUser()) {
                counts[r]++;
                total++;
            }
        }
        return counts;
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] a = new int[n];
        for (int k = 0; k < n; k++) {
            a[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static long mix(long seed, int user) {
        long z = seed + 0x9E3779B97F4A7C15L * (user + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@return a seeded random arrival order of all events (a permutation of event positions)} */
    public int[] eventOrder() {
        return permutation(items.length, new SplittableRandom(params.seed() ^ 0x5EED_0003L));
    }

    /** {@return the users × items matrix of every event (value 1)} */
    public InteractionMatrix matrix() {
        return firstUsers(numUsers());
    }

    /** {@return the matrix of the first {@code k} user ids: a uniform sample of users} */
    public InteractionMatrix firstUsers(int k) {
        InteractionMatrix.Builder b = InteractionMatrix.builder(k, numItems());
        for (int u = 0; u < k; u++) {
            for (int q = rowPtr[u]; q < rowPtr[u + 1]; q++) {
                b.add(u, items[q], 1f);
            }
        }
        return b.build();
    }

    /** Writes {@code user,item} lines (no header) of the first {@code k} users to {@code file}. */
    public void writeCsv(Path file, int k) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder(32);
            for (int u = 0; u < k; u++) {
                for (int q = rowPtr[u]; q < rowPtr[u + 1]; q++) {
                    line.setLength(0);
                    line.append(u).append(',').append(items[q]).append('\n');
                    w.append(line);
                }
            }
        }
    }

    /** {@return a one-paragraph description of the set's shape: per-user and per-item quantiles, head shares} */
    public String describe() {
        int n = numUsers();
        int[] perUser = new int[n];
        for (int u = 0; u < n; u++) {
            perUser[u] = rowPtr[u + 1] - rowPtr[u];
        }
        int[] perItem = new int[numItems()];
        for (int i : items) {
            perItem[i]++;
        }
        int[] su = perUser.clone();
        int[] si = perItem.clone();
        Arrays.sort(su);
        Arrays.sort(si);
        long headItems = 0;
        for (int k = si.length - 1; k >= si.length - Math.max(1, si.length / 100); k--) {
            headItems += si[k];
        }
        long headUsers = 0;
        for (int k = su.length - 1; k >= su.length - Math.max(1, su.length / 100); k--) {
            headUsers += su[k];
        }
        int zero = 0;
        for (int c : si) {
            zero += c == 0 ? 1 : 0;
        }
        return String.format(Locale.ROOT, "%s. Events per user: min %d, median %d, p99 %d, max %,d; the top 1 %% of users have %.1f %% of the events. "
                        + "Users per item: median %d, p99 %,d, max %,d, %d items never seen; the top 1 %% of items have %.1f %% of the events.",
                params, su[0], su[n / 2], su[(int) (n * 0.99)], su[n - 1], 100.0 * headUsers / size(),
                si[si.length / 2], si[(int) (si.length * 0.99)], si[si.length - 1], zero, 100.0 * headItems / size());
    }

    public static void main(String[] args) throws IOException {
        Params p = Params.defaults();
        Path csv = null;
        for (int a = 0; a < args.length; a++) {
            if (args[a].equals("--csv")) {
                csv = Path.of(args[++a]);
            } else {
                p = p.withEvents(Long.parseLong(args[a].replace("_", "")));
            }
        }
        long t0 = System.nanoTime();
        Synthetic s = generate(p);
        System.out.printf(Locale.ROOT, "generated in %.1f s%n%s%n", (System.nanoTime() - t0) / 1e9, s.describe());
        if (csv != null) {
            if (csv.toAbsolutePath().startsWith(Path.of("").toAbsolutePath())) {
                throw new IllegalArgumentException("write the CSV outside the repository, e.g. under /tmp");
            }
            s.writeCsv(csv, s.numUsers());
            System.out.println("wrote " + csv);
        }
    }
}
