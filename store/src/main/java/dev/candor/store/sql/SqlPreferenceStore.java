package dev.candor.store.sql;

import dev.candor.model.Intensity;
import dev.candor.model.Preferences;
import dev.candor.model.SubjectId;
import dev.candor.store.PreferenceStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Stated preferences in table {@code preferences}, one row per subject. */
final class SqlPreferenceStore implements PreferenceStore {
    private static final String COLUMNS = "liked, disliked, intensity, sensitive, updated_at, hidden";
    private final Database db;

    SqlPreferenceStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Preferences> get(SubjectId subject) {
        return db.read("read preferences", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM preferences WHERE subject = ?")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(SubjectId subject, Preferences p) {
        db.write("write preferences", c -> Sql.update(c, "INSERT INTO preferences (subject, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (subject) DO UPDATE SET liked = excluded.liked, disliked = excluded.disliked, "
                        + "intensity = excluded.intensity, sensitive = excluded.sensitive, updated_at = excluded.updated_at, hidden = excluded.hidden",
                subject.value(), Codec.strings(p.likedCategories()), Codec.strings(p.dislikedCategories()),
                p.intensity().wireName(), Codec.strings(p.sensitiveOptIns()), Codec.micros(p.updatedAt()),
                Codec.strings(p.hiddenInterests())));
    }

    @Override
    public boolean delete(SubjectId subject) {
        return db.write("delete preferences", c -> Sql.update(c, "DELETE FROM preferences WHERE subject = ?", subject.value()) > 0);
    }

    @Override
    public void forEach(BiConsumer<SubjectId, Preferences> sink) {
        db.read("scan preferences", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT subject, " + COLUMNS + " FROM preferences ORDER BY subject")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(SubjectId.of(rs.getString(1)), row(rs, 2));
                    }
                }
            }
            return null;
        });
    }

    private static Preferences row(ResultSet rs, int first) throws SQLException {
        return new Preferences(new HashSet<>(Codec.strings(rs.getString(first))), new HashSet<>(Codec.strings(rs.getString(first + 1))),
                Intensity.fromWire(rs.getString(first + 2)).orElseThrow(() -> new IllegalStateException("unknown intensity in store")),
                new HashSet<>(Codec.strings(rs.getString(first + 3))), Codec.instant(rs.getLong(first + 4)),
                new HashSet<>(Codec.strings(rs.getString(first + 5))));
    }
}
