package dev.candor.recommend;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.profile.DecayPolicy;
import dev.candor.profile.History;
import java.util.Arrays;
import java.util.List;

/**
 * A subject's history reduced to the evidence inference may use: one entry per distinct item with
 * its decayed weight now, and the kind of event that weighed most (for the explanation's verb).
 *
 * <p>Left out: items the subject said were "not me" or "not interested", items of sensitive
 * categories the subject has not opted into, deleted items, and events that weigh nothing.
 * Immutable.
 */
public final class WeightedHistory {
    public static final WeightedHistory EMPTY = new WeightedHistory(new int[0], new double[0], new byte[0]);

    private final int[] items;
    private final double[] weights;
    private final byte[] kinds;
    private final long[] present; // a bit per item index up to the largest: contains() is asked of every candidate item

    private WeightedHistory(int[] items, double[] weights, byte[] kinds) {
        this.items = items;
        this.weights = weights;
        this.kinds = kinds;
        int max = -1;
        for (int i : items) {
            max = Math.max(max, i);
        }
        this.present = new long[max < 0 ? 0 : (max >>> 6) + 1];
        for (int i : items) {
            present[i >>> 6] |= 1L << i;
        }
    }

    /** Builds the evidence for {@code user} now. */
    public static WeightedHistory of(UserState user, Catalog catalog, DecayPolicy decay) {
        History h = user.history();
        if (h.isEmpty()) {
            return EMPTY;
        }
        SensitivityPolicy sensitivity = catalog.sensitivity();
        java.util.Set<String> hidden = user.preferences().hiddenInterests();
        long now = user.now().toEpochMilli();
        // the kept events as (item, position) keys, sorted: each item's events are then together and in
        // history order, so its weight is summed in that order and the first of its heaviest events names its kind
        long[] keys = new long[h.size()];
        double[] eventWeight = new double[h.size()];
        int kept = 0;
        for (int k = 0; k < h.size(); k++) {
            int item = h.item(k);
            if (user.notMe().contains(item) || user.notInterested().contains(item)) {
                continue;
            }
            if (catalog.isSensitive(item) && !sensitivity.mayInferFrom(catalog.item(item), user.preferences())) {
                continue;
            }
            if (!hidden.isEmpty() && inHidden(catalog.item(item).categories(), hidden)) {
                continue; // the subject removed this interest: its behaviour no longer speaks for them
            }
            double w = decay.weight(h.kind(k), h.value(k), now - h.timeMillis(k));
            if (!(w > 0)) {
                continue;
            }
            keys[kept] = (long) item << 32 | k;
            eventWeight[k] = w;
            kept++;
        }
        Arrays.sort(keys, 0, kept);
        int[] items = new int[kept];
        double[] weights = new double[kept];
        byte[] kinds = new byte[kept];
        int distinct = 0;
        double heaviest = 0;
        for (int e = 0; e < kept; e++) {
            int item = (int) (keys[e] >>> 32);
            int k = (int) keys[e];
            double w = eventWeight[k];
            if (distinct == 0 || items[distinct - 1] != item) {
                items[distinct] = item;
                weights[distinct] = w;
                kinds[distinct++] = h.kind(k);
                heaviest = w;
            } else {
                weights[distinct - 1] += w;
                if (w > heaviest) {
                    heaviest = w;
                    kinds[distinct - 1] = h.kind(k);
                }
            }
        }
        if (distinct < kept) {
            items = Arrays.copyOf(items, distinct);
            weights = Arrays.copyOf(weights, distinct);
            kinds = Arrays.copyOf(kinds, distinct);
        }
        return new WeightedHistory(items, weights, kinds);
    }

    private static boolean inHidden(List<String> categories, java.util.Set<String> hidden) {
        for (String c : categories) {
            if (hidden.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** {@return a history from explicit arrays (tests, evaluation, sessions), in item order; items must be distinct} */
    public static WeightedHistory of(int[] items, double[] weights, byte[] kinds) {
        if (items.length != weights.length || items.length != kinds.length) {
            throw new IllegalArgumentException("items, weights and kinds must have the same length");
        }
        Integer[] order = new Integer[items.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(items[a], items[b])); // the same order as the other factory's
        int[] it = new int[items.length];
        double[] w = new double[items.length];
        byte[] kd = new byte[items.length];
        for (int k = 0; k < order.length; k++) {
            it[k] = items[order[k]];
            w[k] = weights[order[k]];
            kd[k] = kinds[order[k]];
        }
        return new WeightedHistory(it, w, kd);
    }

    public int size() {
        return items.length;
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    public int item(int k) {
        return items[k];
    }

    public double weight(int k) {
        return weights[k];
    }

    public byte kind(int k) {
        return kinds[k];
    }

    /** {@return whether the item is among the evidence} */
    public boolean contains(int item) {
        return item >= 0 && (item >>> 6) < present.length && (present[item >>> 6] & (1L << item)) != 0;
    }

    public double totalWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }
}
