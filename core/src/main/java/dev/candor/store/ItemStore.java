package dev.candor.store;

import dev.candor.model.Item;
import dev.candor.model.ItemId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The catalog. Thread-safe. */
public interface ItemStore {
    /** Inserts or replaces the items, in one transaction. Durable on return. */
    void putAll(List<Item> items);

    default void put(Item item) {
        putAll(List.of(item));
    }

    Optional<Item> get(ItemId id);

    /** {@return whether an item was deleted} */
    boolean delete(ItemId id);

    /** {@return up to {@code limit} items with ids after {@code after}, in id order (binary collation)} */
    Page<Item, ItemId> list(int limit, Optional<ItemId> after);

    /** Streams every item, in id order. */
    void forEach(Consumer<Item> sink);

    long count();
}
