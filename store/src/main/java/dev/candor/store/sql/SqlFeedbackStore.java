package dev.candor.store.sql;

import dev.candor.model.Feedback;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.ItemId;
import dev.candor.model.SubjectId;
import dev.candor.store.FeedbackStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Explicit feedback in table {@code feedback}. */
final class SqlFeedbackStore implements FeedbackStore {
    private static final String COLUMNS = "id, subject, item, signal, at, request_id";
    private final Database db;

    SqlFeedbackStore(Database db) {
        this.db = db;
    }

    @Override
    public void append(Feedback f) {
        db.write("append feedback", c -> Sql.update(c, "INSERT INTO feedback (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                f.id(), f.subject().value(), f.item().value(), f.signal().wireName(), Codec.micros(f.at()),
                Sql.nullable(f.requestId())));
    }

    @Override
    public List<Feedback> forSubject(SubjectId subject) {
        return db.read("read feedback", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feedback WHERE subject = ? ORDER BY id")) {
                ps.setString(1, subject.value());
                List<Feedback> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void forEach(Consumer<Feedback> sink) {
        db.read("scan feedback", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feedback ORDER BY id")) {
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
    public long deleteSubject(SubjectId subject) {
        return db.write("delete feedback", c -> Sql.update(c, "DELETE FROM feedback WHERE subject = ?", subject.value()));
    }

    @Override
    public long maxId() {
        return db.read("max feedback id", c -> Sql.count(c, "SELECT COALESCE(MAX(id), 0) FROM feedback"));
    }

    private static Feedback row(ResultSet rs) throws SQLException {
        return new Feedback(rs.getLong(1), SubjectId.of(rs.getString(2)), ItemId.of(rs.getString(3)),
                FeedbackSignal.fromWire(rs.getString(4)).orElseThrow(() -> new IllegalStateException("unknown signal in store")),
                Codec.instant(rs.getLong(5)), Sql.optional(rs, 6));
    }
}
