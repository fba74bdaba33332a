package dev.candor.eval;

import dev.candor.ingest.file.Interaction;
import dev.candor.ingest.file.InteractionReader;
import dev.candor.ingest.file.MovieLensItems;
import dev.candor.ingest.file.RowProblem;
import dev.candor.model.Item;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * An interaction data set in memory for offline evaluation: users and items interned to dense
 * indexes, one row per interaction (value {@code NaN} when the file has none, time in epoch seconds
 * or {@code Long.MIN_VALUE}), and item titles and categories where the data set has them.
 */
public final class Dataset {
    private final String name;
    private final List<String> userIds;
    private final List<String> itemIds;
    private final int[] users;
    private final int[] items;
    private final float[] values;
    private final long[] times;
    private final List<String> titles;
    private final List<List<String>> categories;

    private Dataset(String name, List<String> userIds, List<String> itemIds, int[] users, int[] items, float[] values, long[] times,
                    List<String> titles, List<List<String>> categories) {
        this.name = name;
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.users = users;
        this.items = items;
        this.values = values;
        this.times = times;
        this.titles = titles;
        this.categories = categories;
    }

    /**
     * Reads a file; for MovieLens formats the movie file beside it supplies titles and genres.
     *
     * @param problems bad rows, by line
     * @param progress bytes read so far
     */
    public static Dataset load(Path file, InteractionReader.Options options, Optional<Path> itemFile, Consumer<RowProblem> problems,
                               LongConsumer progress) throws IOException {
        Builder b = new Builder(file.getFileName().toString());
        InteractionReader.read(file, options, b::add, problems, progress);
        Optional<Path> movies = itemFile.isPresent() ? itemFile : MovieLensItems.besides(file, options.format());
        if (movies.isPresent()) {
            for (Item item : MovieLensItems.read(movies.get(), p -> { })) {
                b.describe(item.id().value(), item.title(), item.categories());
            }
        }
        return b.build();
    }

    /** Builds a data set row by row (tests, generators). */
    public static final class Builder {
        private final String name;
        private final Map<String, Integer> userIndex = new HashMap<>();
        private final Map<String, Integer> itemIndex = new HashMap<>();
        private final List<String> userIds = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private final Map<String, String> titles = new HashMap<>();
        private final Map<String, List<String>> cats = new HashMap<>();
        private int[] users = new int[1024];
        private int[] items = new int[1024];
        private float[] values = new float[1024];
        private long[] times = new long[1024];
        private int n;

        public Builder(String name) {
            this.name = name;
        }

        public void add(Interaction row) {
            add(row.user(), row.item(), row.value().isPresent() ? (float) row.value().getAsDouble() : Float.NaN,
                    row.timestamp().map(t -> t.getEpochSecond()).orElse(Long.MIN_VALUE));
        }

        public Builder add(String user, String item, float value, long time) {
            if (n == users.length) {
                users = Arrays.copyOf(users, n * 2);
                items = Arrays.copyOf(items, n * 2);
                values = Arrays.copyOf(values, n * 2);
                times = Arrays.copyOf(times, n * 2);
            }
            users[n] = userIndex.computeIfAbsent(user, u -> {
                userIds.add(u);
                return userIds.size() - 1;
            });
            items[n] = itemIndex.computeIfAbsent(item, i -> {
                itemIds.add(i);
                return itemIds.size() - 1;
            });
            values[n] = value;
            times[n] = time;
            n++;
            return this;
        }

        /** Sets an item's title and categories (items never interacted with are ignored). */
        public Builder describe(String item, String title, List<String> categories) {
            titles.put(item, title);
            cats.put(item, List.copyOf(categories));
            return this;
        }

        public Dataset build() {
            List<String> t = new ArrayList<>(itemIds.size());
            List<List<String>> c = new ArrayList<>(itemIds.size());
            for (String id : itemIds) {
                t.add(titles.getOrDefault(id, id));
                c.add(cats.getOrDefault(id, List.of()));
            }
            return new Dataset(name, List.copyOf(userIds), List.copyOf(itemIds), Arrays.copyOf(users, n), Arrays.copyOf(items, n),
                    Arrays.copyOf(values, n), Arrays.copyOf(times, n), t, c);
        }
    }

    public String name() {
        return name;
    }

    public int size() {
        return users.length;
    }

    public int numUsers() {
        return userIds.size();
    }

    public int numItems() {
        return itemIds.size();
    }

    public int user(int row) {
        return users[row];
    }

    public int item(int row) {
        return items[row];
    }

    /** {@return the row's value, NaN when the file had none} */
    public float value(int row) {
        return values[row];
    }

    /** {@return the row's time in epoch seconds, {@code Long.MIN_VALUE} when unknown} */
    public long time(int row) {
        return times[row];
    }

    /** {@return the data set's own id of a user index} */
    public String userId(int user) {
        return userIds.get(user);
    }

    public String itemId(int item) {
        return itemIds.get(item);
    }

    public String title(int item) {
        return titles.get(item);
    }

    public List<String> categories(int item) {
        return categories.get(item);
    }

    public boolean hasCategories() {
        return categories.stream().anyMatch(c -> !c.isEmpty());
    }
}
