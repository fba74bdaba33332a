package dev.candor.store.sql;

import dev.candor.model.ConsentChange;
import dev.candor.model.ConsentState;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.store.ConsentStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** Current consent in {@code consent}, every change in {@code consent_history}. */
final class SqlConsentStore implements ConsentStore {
    private final Database db;

    SqlConsentStore(Database db) {
        this.db = db;
    }

    @Override
    public ConsentState record(SubjectId subject, Map<Purpose, Boolean> changes, Instant at, String source) {
        // The history row's rules (source length) live in ConsentChange: validate through it first.
        changes.forEach((p, on) -> new ConsentChange(p, on, at, source));
        String src = source == null || source.isBlank() ? "api" : source;
        return db.write("record consent", c -> {
            ConsentState before = current(c, subject).orElse(ConsentState.DEFAULT);
            ConsentState after = before.with(changes, at);
            Sql.update(c, "INSERT INTO consent (subject, granted, updated_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT (subject) DO UPDATE SET granted = excluded.granted, updated_at = excluded.updated_at",
                    subject.value(), encode(after.granted()), Codec.micros(at));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO consent_history (subject, purpose, granted, at, source) VALUES (?, ?, ?, ?, ?)")) {
                for (Purpose p : Purpose.values()) {
                    Boolean on = changes.get(p);
                    if (on == null) {
                        continue;
                    }
                    ps.setString(1, subject.value());
                    ps.setString(2, p.wireName());
                    ps.setBoolean(3, on);
                    ps.setLong(4, Codec.micros(at));
                    ps.setString(5, src);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return after;
        });
    }

    @Override
    public Optional<ConsentState> current(SubjectId subject) {
        return db.read("read consent", c -> current(c, subject));
    }

    private static Optional<ConsentState> current(Connection c, SubjectId subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT granted, updated_at FROM consent WHERE subject = ?")) {
            ps.setString(1, subject.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(state(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<ConsentChange> history(SubjectId subject) {
        return db.read("read consent history", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT purpose, granted, at, source FROM consent_history WHERE subject = ? ORDER BY id")) {
                ps.setString(1, subject.value());
                List<ConsentChange> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ConsentChange(Purpose.fromWire(rs.getString(1)).orElseThrow(), rs.getBoolean(2),
                                Codec.instant(rs.getLong(3)), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void forEachCurrent(BiConsumer<SubjectId, ConsentState> sink) {
        db.read("scan consent", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT subject, granted, updated_at FROM consent ORDER BY subject")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(SubjectId.of(rs.getString(1)), state(rs, 2));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public long deleteSubject(SubjectId subject) {
        return db.write("delete consent", c -> Sql.update(c, "DELETE FROM consent WHERE subject = ?", subject.value())
                + Sql.update(c, "DELETE FROM consent_history WHERE subject = ?", subject.value()));
    }

    private static ConsentState state(ResultSet rs) throws SQLException {
        return state(rs, 1);
    }

    private static ConsentState state(ResultSet rs, int first) throws SQLException {
        return new ConsentState(decode(rs.getString(first)), true, Codec.instant(rs.getLong(first + 1)));
    }

    private static String encode(Set<Purpose> granted) {
        return granted.stream().sorted().map(Purpose::wireName).collect(Collectors.joining(","));
    }

    private static Set<Purpose> decode(String s) {
        EnumSet<Purpose> out = EnumSet.noneOf(Purpose.class);
        if (!s.isEmpty()) {
            for (String name : s.split(",")) {
                out.add(Purpose.fromWire(name).orElseThrow(() -> new IllegalStateException("unknown purpose in store")));
            }
        }
        return out;
    }
}
