package dev.candor.ingest.file;

import java.util.List;
import java.util.Locale;

/**
 * Which column of a delimited file holds what, written as the columns in file order, e.g.
 * {@code user,item,value,timestamp} or {@code item,-,user,value} ({@code -} skips a column). User
 * and item are required; value and timestamp optional. Indexes are -1 when absent.
 */
public record ColumnMapping(int user, int item, int value, int timestamp, int width) {
    public static final ColumnMapping DEFAULT = parse("user,item,value,timestamp");

    public ColumnMapping {
        if (user < 0 || item < 0) {
            throw new IllegalArgumentException("the column mapping needs user and item columns");
        }
    }

    /** Parses a mapping such as {@code user,item,-,value}. */
    public static ColumnMapping parse(String spec) {
        List<String> names = List.of(spec.toLowerCase(Locale.ROOT).split(",", -1));
        int user = -1;
        int item = -1;
        int value = -1;
        int timestamp = -1;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).strip();
            switch (n) {
                case "user" -> user = once(user, i, n);
                case "item" -> item = once(item, i, n);
                case "value", "rating" -> value = once(value, i, n);
                case "timestamp", "time" -> timestamp = once(timestamp, i, n);
                case "-", "" -> {
                    // skipped column
                }
                default -> throw new IllegalArgumentException("unknown column '" + n + "' in the mapping; use user, item, value, timestamp or -");
            }
        }
        if (user < 0 || item < 0) {
            throw new IllegalArgumentException("the column mapping must name a user and an item column, e.g. user,item,value,timestamp");
        }
        return new ColumnMapping(user, item, value, timestamp, names.size());
    }

    private static int once(int current, int index, String name) {
        if (current >= 0) {
            throw new IllegalArgumentException("column '" + name + "' appears twice in the mapping");
        }
        return index;
    }

    /** {@return the number of columns a row needs at least} */
    public int required() {
        return Math.max(Math.max(user, item), Math.max(value, timestamp)) + 1;
    }
}
