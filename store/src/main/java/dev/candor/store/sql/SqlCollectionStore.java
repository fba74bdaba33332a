package dev.candor.store.sql;

import dev.candor.model.CuratedCollection;
import dev.candor.model.ItemId;
import dev.candor.store.CollectionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Curated collections in table {@code collections}; items as a length-prefixed list, in order. */
final class SqlCollectionStore implements CollectionStore {
    private final Database db;

    SqlCollectionStore(Database db) {
        this.db = db;
    }

    @Override
    public void put(CuratedCollection col) {
        db.write("put collection", c -> Sql.update(c, "INSERT INTO collections (id, title, items, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET title = excluded.title, items = excluded.items, updated_at = excluded.updated_at",
                col.id(), col.title(), Codec.strings(col.items().stream().map(ItemId::value).toList()), Codec.micros(col.updatedAt())));
    }

    @Override
    public Optional<CuratedCollection> get(String id) {
        return db.read("read collection", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, items, updated_at FROM collections WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<CuratedCollection>empty();
                }
            }
        });
    }

    @Override
    public List<CuratedCollection> list() {
        return db.read("list collections", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, items, updated_at FROM collections ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<CuratedCollection> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                out.sort(java.util.Comparator.comparing(CuratedCollection::id)); // binary order on both databases
                return out;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return db.write("delete collection", c -> Sql.update(c, "DELETE FROM collections WHERE id = ?", id) == 1);
    }

    private static CuratedCollection row(ResultSet rs) throws SQLException {
        return new CuratedCollection(rs.getString(1), rs.getString(2), Codec.strings(rs.getString(3)).stream().map(ItemId::of).toList(),
                Codec.instant(rs.getLong(4)));
    }
}
