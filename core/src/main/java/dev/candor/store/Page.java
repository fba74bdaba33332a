package dev.candor.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paginated listing.
 *
 * @param items the page, in key order
 * @param next  the key to continue after, empty on the last page
 */
public record Page<T, K>(List<T> items, Optional<K> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
