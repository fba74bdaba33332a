package dev.candor.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A human-picked, ordered list of items ("Staff picks for summer"): what the {@code curated}
 * experiment strategies serve, explained as "Picked by our team for …". Catalog data; holds
 * nothing about anyone.
 *
 * @param id        1 to 64 characters of {@code [A-Za-z0-9_.-]}
 * @param title     shown in the reason, 1 to {@value #MAX_TITLE} characters
 * @param items     1 to {@value #MAX_ITEMS} distinct items, best first
 * @param updatedAt when it was last replaced
 */
public record CuratedCollection(String id, String title, List<ItemId> items, Instant updatedAt) {
    public static final int MAX_TITLE = 200;
    public static final int MAX_ITEMS = 1000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public CuratedCollection {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("collection id must be 1 to 64 characters of [A-Za-z0-9_.-]");
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title must be 1 to " + MAX_TITLE + " characters");
        }
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a collection holds 1 to " + MAX_ITEMS + " items");
        }
        if (new HashSet<>(items).size() != items.size()) {
            throw new IllegalArgumentException("a collection lists each item once");
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
