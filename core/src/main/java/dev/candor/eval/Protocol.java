package dev.candor.eval;

import dev.candor.recommend.InteractionMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The evaluation protocols of DESIGN §7.
 *
 * <p><b>strong</b> (Liang et al. 2018, adapted to small sets): binarize value ≥ threshold; keep users
 * with ≥ {@value #MIN_POSITIVES} positives; split users into F folds with a fixed seed; the item
 * universe of a fold is the items with a positive from a training user; for each held-out user,
 * their positives inside the universe are split 80 % fold-in / 20 % target at random (users left
 * with fewer than {@value #MIN_POSITIVES} there get no target); every universe item not in the
 * fold-in is ranked.
 *
 * <p><b>temporal</b>: each kept user's positives by time, the last 20 % are targets and the rest
 * both trains the model and is the fold-in; one fold.
 */
public final class Protocol {
    public static final int MIN_POSITIVES = 5;
    public static final double TARGET_SHARE = 0.2;

    /** The protocol names. */
    public enum Kind {
        STRONG, TEMPORAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromWire(String s) {
            for (Kind k : values()) {
                if (k.wireName().equals(s)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @param kind      strong or temporal
     * @param threshold values at or above are positives (ignored for rows without a value: all positive)
     * @param folds     number of user folds (strong)
     * @param seed      the seed of every random choice
     */
    public record Settings(Kind kind, double threshold, int folds, long seed) {
        public Settings {
            if (folds < 2 && kind == Kind.STRONG) {
                throw new IllegalArgumentException("the strong protocol needs at least 2 folds");
            }
        }

        public static Settings strong(int folds, long seed) {
            return new Settings(Kind.STRONG, 4.0, folds, seed);
        }
    }

    private Protocol() {
    }

    /** {@return each user's distinct positive items, ascending (time-ordered for temporal)} */
    static int[][] positives(Dataset d, double threshold, boolean byTime) {
        List<List<long[]>> per = new ArrayList<>(d.numUsers());
        for (int u = 0; u < d.numUsers(); u++) {
            per.add(new ArrayList<>());
        }
        for (int r = 0; r < d.size(); r++) {
            float v = d.value(r);
            if (Float.isNaN(v) || v >= threshold) {
                per.get(d.user(r)).add(new long[] {d.item(r), d.time(r)});
            }
        }
        int[][] out = new int[d.numUsers()][];
        for (int u = 0; u < out.length; u++) {
            List<long[]> rows = per.get(u);
            if (byTime) {
                rows.sort((a, b) -> Long.compare(a[1], b[1]));
                TreeSet<Integer> seen = new TreeSet<>();
                List<Integer> ordered = new ArrayList<>();
                for (long[] x : rows) {
                    if (seen.add((int) x[0])) {
                        ordered.add((int) x[0]);
                    }
                }
                out[u] = ordered.stream().mapToInt(Integer::intValue).toArray();
            } else {
                out[u] = rows.stream().mapToInt(x -> (int) x[0]).distinct().sorted().toArray();
            }
        }
        return out;
    }

    public static List<Fold> split(Dataset d, Settings s) {
        return s.kind() == Kind.STRONG ? strong(d, s) : temporal(d, s);
    }

    static List<Fold> strong(Dataset d, Settings s) {
        int[][] pos = positives(d, s.threshold(), false);
        int[] kept = java.util.stream.IntStream.range(0, d.numUsers()).filter(u -> pos[u].length >= MIN_POSITIVES).toArray();
        SplittableRandom rnd = new SplittableRandom(s.seed());
        for (int i = kept.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = kept[i];
            kept[i] = kept[j];
            kept[j] = t;
        }
        List<Fold> folds = new ArrayList<>(s.folds());
        for (int f = 0; f < s.folds(); f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int k = 0; k < kept.length; k++) {
                (k % s.folds() == f ? held : train).add(kept[k]);
            }
            folds.add(build(d, pos, train, held, f, new SplittableRandom(s.seed() * 31 + f)));
        }
        return folds;
    }

    /**
     * {@return one fold in which every user with at least {@link #MIN_POSITIVES} positives trains and
     * nobody is held out}: what the final choice of hyper-parameters is made on once the folds have
     * measured them ({@code candor evaluate --tune --write-models}); {@link Tuner#tune} carves its
     * validation users from it.
     */
    public static Fold whole(Dataset d, Settings s) {
        int[][] pos = positives(d, s.threshold(), false);
        List<Integer> users = new ArrayList<>();
        for (int u = 0; u < d.numUsers(); u++) {
            if (pos[u].length >= MIN_POSITIVES) {
                users.add(u);
            }
        }
        return build(d, pos, users, List.of(), 0, new SplittableRandom(s.seed()));
    }

    private static Fold build(Dataset d, int[][] pos, List<Integer> train, List<Integer> held, int f, SplittableRandom rnd) {
        int[] column = new int[d.numItems()];
        Arrays.fill(column, -1);
        TreeSet<Integer> universeSet = new TreeSet<>();
        for (int u : train) {
            for (int i : pos[u]) {
                universeSet.add(i);
            }
        }
        int[] universe = universeSet.stream().mapToInt(Integer::intValue).toArray();
        for (int c = 0; c < universe.length; c++) {
            column[universe[c]] = c;
        }
        InteractionMatrix.Builder tb = InteractionMatrix.builder(train.size(), universe.length);
        for (int r = 0; r < train.size(); r++) {
            for (int i : pos[train.get(r)]) {
                tb.add(r, column[i], 1f);
            }
        }
        List<int[]> foldIns = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        List<Integer> heldUsers = new ArrayList<>();
        for (int u : held) {
            int[] inside = Arrays.stream(pos[u]).filter(i -> column[i] >= 0).map(i -> column[i]).toArray();
            if (inside.length < MIN_POSITIVES) {
                continue;
            }
            heldUsers.add(u);
            for (int i = inside.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = inside[i];
                inside[i] = inside[j];
                inside[j] = t;
            }
            int nTarget = Math.max(1, (int) Math.round(TARGET_SHARE * inside.length));
            int[] target = Arrays.copyOfRange(inside, 0, nTarget);
            int[] foldIn = Arrays.copyOfRange(inside, nTarget, inside.length);
            Arrays.sort(target);
            Arrays.sort(foldIn);
            targets.add(target);
            foldIns.add(foldIn);
        }
        InteractionMatrix.Builder fb = InteractionMatrix.builder(foldIns.size(), universe.length);
        for (int r = 0; r < foldIns.size(); r++) {
            for (int c : foldIns.get(r)) {
                fb.add(r, c, 1f);
            }
        }
        return new Fold(f, new FoldData(tb.build(), fb.build(), itemInfo(d, universe)), targets.toArray(new int[0][]), universe,
                heldUsers.stream().mapToInt(Integer::intValue).toArray());
    }

    static List<Fold> temporal(Dataset d, Settings s) {
        int[][] pos = positives(d, s.threshold(), true);
        int[] column = new int[d.numItems()];
        Arrays.fill(column, -1);
        List<int[]> past = new ArrayList<>();
        List<int[]> future = new ArrayList<>();
        List<Integer> users = new ArrayList<>();
        TreeSet<Integer> universeSet = new TreeSet<>();
        for (int u = 0; u < pos.length; u++) {
            int[] p = pos[u];
            if (p.length < MIN_POSITIVES) {
                continue;
            }
            users.add(u);
            int nTarget = Math.max(1, (int) Math.round(TARGET_SHARE * p.length));
            int[] before = Arrays.copyOfRange(p, 0, p.length - nTarget);
            past.add(before);
            future.add(Arrays.copyOfRange(p, p.length - nTarget, p.length));
            for (int i : before) {
                universeSet.add(i);
            }
        }
        int[] universe = universeSet.stream().mapToInt(Integer::intValue).toArray();
        for (int c = 0; c < universe.length; c++) {
            column[universe[c]] = c;
        }
        InteractionMatrix.Builder b = InteractionMatrix.builder(past.size(), universe.length);
        List<int[]> targets = new ArrayList<>();
        for (int r = 0; r < past.size(); r++) {
            for (int i : past.get(r)) {
                b.add(r, column[i], 1f);
            }
            targets.add(Arrays.stream(future.get(r)).filter(i -> column[i] >= 0).map(i -> column[i]).sorted().toArray());
        }
        InteractionMatrix m = b.build();
        return List.of(new Fold(0, new FoldData(m, m, itemInfo(d, universe)), targets.toArray(new int[0][]), universe,
                users.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static ItemInfo itemInfo(Dataset d, int[] universe) {
        List<String> ids = new ArrayList<>(universe.length);
        List<String> titles = new ArrayList<>(universe.length);
        List<List<String>> cats = new ArrayList<>(universe.length);
        for (int i : universe) {
            ids.add(d.itemId(i));
            titles.add(d.title(i));
            cats.add(d.categories(i));
        }
        return new ItemInfo(ids, titles, cats);
    }
}
