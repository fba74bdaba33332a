package dev.candor.recommend;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog in memory: every item known to the engine gets a dense index for the lifetime of the
 * process (indexes are never reused; a deleted item keeps its index but is no longer
 * {@linkplain #isRecommendable recommendable}).
 *
 * <p>Thread-safe: writers are serialized; readers see a consistent item per index without locking.
 */
public final class Catalog {
    private final SensitivityPolicy sensitivity;
    private final Map<ItemId, Integer> index = new ConcurrentHashMap<>();
    private volatile Item[] items = new Item[256];
    private volatile boolean[] sensitive = new boolean[256];
    private volatile boolean[] live = new boolean[256];
    private volatile int[][] categoryIds = new int[256][];
    private volatile int size;
    /** Lowercase category to a dense id, for allocation-free category comparisons on the request path. */
    private final Map<String, Integer> categoryIdOf = new ConcurrentHashMap<>();
    /** The lowercase category of each id (grown by {@link #putAll} only). */
    private volatile String[] categoryNames = new String[16];

    public Catalog(SensitivityPolicy sensitivity) {
        this.sensitivity = sensitivity;
    }

    /** Adds or replaces items; {@return their indexes, aligned with the input} */
    public synchronized int[] putAll(List<Item> batch) {
        int[] out = new int[batch.size()];
        for (int k = 0; k < batch.size(); k++) {
            Item item = batch.get(k);
            Integer existing = index.get(item.id());
            int i;
            if (existing != null) {
                i = existing;
            } else {
                i = size;
                ensureCapacity(i + 1);
            }
            items[i] = item;
            sensitive[i] = sensitivity.isSensitive(item);
            live[i] = item.active();
            categoryIds[i] = idsOf(item);
            if (existing == null) {
                index.put(item.id(), i);
                size = i + 1;
            }
            out[k] = i;
        }
        version++;
        return out;
    }

    /** Marks an item deleted: it stays resolvable for history but is never recommended. */
    public synchronized boolean remove(ItemId id) {
        Integer i = index.get(id);
        if (i == null || !live[i] && items[i] == null) {
            return false;
        }
        live[i] = false;
        return true;
    }

    private void ensureCapacity(int n) {
        if (n <= items.length) {
            return;
        }
        int cap = Math.max(n, items.length * 2);
        Item[] ni = Arrays.copyOf(items, cap);
        boolean[] ns = Arrays.copyOf(sensitive, cap);
        boolean[] nl = Arrays.copyOf(live, cap);
        int[][] nc = Arrays.copyOf(categoryIds, cap);
        categoryIds = nc;
        items = ni;
        sensitive = ns;
        live = nl;
    }

    public OptionalInt indexOf(ItemId id) {
        Integer i = index.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** {@return whether the id names an item that exists and is active} */
    public boolean contains(ItemId id) {
        Integer i = index.get(id);
        return i != null && live[i];
    }

    public Item item(int i) {
        return items[i];
    }

    /**
     * {@return the item's distinct categories as dense ids, ascending} Two items share a category
     * (compared case-insensitively) exactly when their arrays share an id. The caller must not modify it.
     */
    public int[] categoryIds(int i) {
        return categoryIds[i];
    }

    /** {@return the dense id of a category (case-insensitive), empty if no item has ever had it} */
    public OptionalInt categoryId(String category) {
        Integer id = categoryIdOf.get(category.toLowerCase(Locale.ROOT));
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * Adds, for every recommendable item below {@code out.length}, the sum of the weights of its
     * categories ({@code byId[id]}, 0 for ids beyond it) into {@code out}. Items with the same
     * categories share one sum: computed once per distinct category set, then one pass over the items.
     */
    public void addCategoryWeights(double[] byId, double[] out) {
        Flat f = flat();
        int[] setStart = f.setStart();
        int[] setIds = f.setIds();
        double[] bySet = new double[setStart.length - 1];
        for (int c = 0; c < bySet.length; c++) {
            double sum = 0;
            for (int q = setStart[c]; q < setStart[c + 1]; q++) {
                int id = setIds[q];
                sum += id < byId.length ? byId[id] : 0;
            }
            bySet[c] = sum;
        }
        boolean[] l = live;
        int[] set = f.set();
        int n = Math.min(out.length, set.length);
        for (int i = 0; i < n; i++) {
            if (l[i]) {
                out[i] += bySet[set[i]];
            }
        }
    }

    /**
     * The items' category ids as of a catalog version, by distinct category set: item i has set
     * {@code set[i]}, whose ids are {@code setIds[setStart[c] .. setStart[c + 1])}, in the item's order.
     */
    private record Flat(long version, int[] set, int[] setStart, int[] setIds) {
    }

    /** An item's category ids as a map key. */
    private record IdSet(int[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdSet other && Arrays.equals(ids, other.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    private static final int[] NO_IDS = new int[0];

    private volatile Flat flat = new Flat(-1, new int[0], new int[1], new int[0]);
    /** Raised by every {@link #putAll}, after its writes. */
    private volatile long version;

    /** {@return the category sets for the current version, rebuilt once after a change} */
    private Flat flat() {
        Flat f = flat;
        long v = version; // read before the arrays: a change during the rebuild leaves it stale for the next reader
        if (f.version() == v) {
            return f;
        }
        int n = size;
        int[][] byItem = categoryIds;
        int[] set = new int[n];
        java.util.Map<IdSet, Integer> index = new java.util.HashMap<>();
        List<int[]> sets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] ids = byItem[i] == null ? NO_IDS : byItem[i];
            set[i] = index.computeIfAbsent(new IdSet(ids), k -> {
                sets.add(ids);
                return sets.size() - 1;
            });
        }
        int[] setStart = new int[sets.size() + 1];
        int[] setIds = new int[sets.stream().mapToInt(ids -> ids.length).sum()];
        for (int c = 0; c < sets.size(); c++) {
            int[] ids = sets.get(c);
            System.arraycopy(ids, 0, setIds, setStart[c], ids.length);
            setStart[c + 1] = setStart[c] + ids.length;
        }
        f = new Flat(v, set, setStart, setIds);
        flat = f;
        return f;
    }

    /** {@return the lowercase category of a dense id handed out by {@link #categoryIds}} */
    public String categoryName(int id) {
        return categoryNames[id];
    }

    /** {@return the number of category ids handed out: every id is below it} */
    public int categoryIdCount() {
        return categoryIdOf.size();
    }

    /** Called by {@link #putAll} only, so ids are handed out one writer at a time. */
    private int[] idsOf(Item item) {
        int[] ids = new int[item.categories().size()];
        int n = 0;
        for (String c : item.categories()) {
            String lc = c.toLowerCase(Locale.ROOT);
            Integer id = categoryIdOf.get(lc);
            if (id == null) {
                id = categoryIdOf.size();
                String[] names = categoryNames.length > id ? categoryNames : Arrays.copyOf(categoryNames, 2 * categoryNames.length);
                names[id] = lc;
                categoryNames = names; // published before the id can be seen
                categoryIdOf.put(lc, id);
            }
            ids[n++] = id;
        }
        return Arrays.stream(ids, 0, n).distinct().sorted().toArray();
    }

    public Optional<Item> get(ItemId id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(items[i]);
    }

    /** {@return the number of indexes handed out (including deleted items)} */
    public int size() {
        return size;
    }

    public boolean isSensitive(int i) {
        return sensitive[i];
    }

    public boolean isRecommendable(int i) {
        return i < size && live[i];
    }

    public SensitivityPolicy sensitivity() {
        return sensitivity;
    }

    /** {@return whether the item has the category (case-insensitive)} */
    public boolean hasCategory(int i, String category) {
        for (String c : items[i].categories()) {
            if (c.equalsIgnoreCase(category)) {
                return true;
            }
        }
        return false;
    }

    /** {@return every category in use, lowercase, with its number of live items} */
    public Map<String, Integer> categoryCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        int n = size;
        for (int i = 0; i < n; i++) {
            if (!live[i]) {
                continue;
            }
            for (String c : items[i].categories()) {
                counts.merge(c.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** {@return indexes of live items, ascending} */
    public List<Integer> liveIndexes() {
        List<Integer> out = new ArrayList<>();
        int n = size;
        for (int i = 0; i < n; i++) {
            if (live[i]) {
                out.add(i);
            }
        }
        return out;
    }
}
