package dev.candor.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog item: a title people can read in an explanation, categories (used by the content
 * source, calibration and the sensitive-category guard) and free attributes.
 *
 * @param id         the host application's id
 * @param title      a human-readable title; shown in reasons ("Because you viewed …")
 * @param categories category names, lowercase, in the order given
 * @param attributes string attributes (brand, author, …), at most 64
 * @param active     inactive items are kept for history but never recommended
 * @param updatedAt  when the catalog last changed this item
 */
public record Item(ItemId id, String title, List<String> categories, Map<String, String> attributes,
                   boolean active, Instant updatedAt) {
    public static final int MAX_TITLE = 512;
    public static final int MAX_CATEGORIES = 32;
    public static final int MAX_CATEGORY_LENGTH = 64;
    public static final int MAX_ATTRIBUTES = 64;
    public static final int MAX_ATTRIBUTE_LENGTH = 1024;

    public Item {
        Objects.requireNonNull(id, "id");
        title = title == null || title.isBlank() ? id.value() : title;
        if (title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title must be at most " + MAX_TITLE + " characters");
        }
        categories = List.copyOf(categories == null ? List.of() : categories);
        if (categories.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException("an item has at most " + MAX_CATEGORIES + " categories");
        }
        for (String c : categories) {
            if (c.isBlank() || c.length() > MAX_CATEGORY_LENGTH) {
                throw new IllegalArgumentException("category names must be 1 to " + MAX_CATEGORY_LENGTH + " characters");
            }
        }
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("an item has at most " + MAX_ATTRIBUTES + " attributes");
        }
        attributes.forEach((k, v) -> {
            if (k.isBlank() || k.length() > MAX_CATEGORY_LENGTH || v.length() > MAX_ATTRIBUTE_LENGTH) {
                throw new IllegalArgumentException("attribute names must be 1 to " + MAX_CATEGORY_LENGTH
                        + " characters and values at most " + MAX_ATTRIBUTE_LENGTH);
            }
        });
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** {@return an active item with no attributes} */
    public static Item of(String id, String title, List<String> categories) {
        return new Item(ItemId.of(id), title, categories, Map.of(), true, Instant.EPOCH);
    }
}
