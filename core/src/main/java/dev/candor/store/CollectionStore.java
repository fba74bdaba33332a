package dev.candor.store;

import dev.candor.model.CuratedCollection;
import java.util.List;
import java.util.Optional;

/** Curated collections by id. Durable on return; thread-safe. Catalog data: no personal data. */
public interface CollectionStore {
    /** Creates or replaces the collection with this id. */
    void put(CuratedCollection collection);

    Optional<CuratedCollection> get(String id);

    /** {@return every collection, by id} */
    List<CuratedCollection> list();

    /** {@return whether it existed} */
    boolean delete(String id);
}
