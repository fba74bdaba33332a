package dev.candor.store.sql;

import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.store.ItemStore;
import dev.candor.store.Page;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The catalog in table {@code items}; ids sort in binary order on both dialects. */
final class SqlItemStore implements ItemStore {
    private static final String COLUMNS = "id, title, categories, attributes, active, updated_at";
    private final Database db;

    SqlItemStore(Database db) {
        this.db = db;
    }

    @Override
    public void putAll(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        db.write("put items", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET title = excluded.title, categories = excluded.categories, "
                    + "attributes = excluded.attributes, active = excluded.active, updated_at = excluded.updated_at")) {
                for (Item i : items) {
                    ps.setString(1, i.id().value());
                    ps.setString(2, i.title());
                    ps.setString(3, Codec.strings(i.categories()));
                    ps.setString(4, Codec.map(i.attributes()));
                    ps.setBoolean(5, i.active());
                    ps.setLong(6, Codec.micros(i.updatedAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Item> get(ItemId id) {
        return db.read("get item", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM items WHERE id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean delete(ItemId id) {
        return db.write("delete item", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM items WHERE id = ?")) {
                ps.setString(1, id.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Page<Item, ItemId> list(int limit, Optional<ItemId> after) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return db.read("list items", c -> {
            String sql = "SELECT " + COLUMNS + " FROM items" + (after.isPresent() ? " WHERE id > ?" : "") + " ORDER BY id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                if (after.isPresent()) {
                    ps.setString(p++, after.get().value());
                }
                ps.setInt(p, limit + 1);
                List<Item> page = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(row(rs));
                    }
                }
                boolean more = page.size() > limit;
                if (more) {
                    page.removeLast();
                }
                return new Page<>(page, more ? Optional.of(page.getLast().id()) : Optional.empty());
            }
        });
    }

    @Override
    public void forEach(Consumer<Item> sink) {
        db.read("scan items", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM items ORDER BY id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public long count() {
        return db.read("count items", c -> Sql.count(c, "SELECT COUNT(*) FROM items"));
    }

    private static Item row(ResultSet rs) throws SQLException {
        return new Item(ItemId.of(rs.getString(1)), rs.getString(2), Codec.strings(rs.getString(3)),
                Codec.map(rs.getString(4)), rs.getBoolean(5), Codec.instant(rs.getLong(6)));
    }
}
