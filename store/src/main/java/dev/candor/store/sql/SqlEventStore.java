package dev.candor.store.sql;

import dev.candor.model.Context;
import dev.candor.model.Event;
import dev.candor.model.EventType;
import dev.candor.model.ItemId;
import dev.candor.model.SubjectId;
import dev.candor.store.EventStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Behavioural events in table {@code events}, appended through a {@link GroupCommitter}. */
final class SqlEventStore implements EventStore, AutoCloseable {
    private static final String COLUMNS = "id, subject, item, type, value, ts, session, device, daypart, region, payload";
    private static final int MAX_GROUP_ROWS = 50_000;
    private final Database db;
    private final GroupCommitter<Event> committer;

    SqlEventStore(Database db) {
        this.db = db;
        this.committer = new GroupCommitter<>("candor-event-commit", this::insert, MAX_GROUP_ROWS);
    }

    @Override
    public void append(List<Event> events) {
        committer.commit(List.copyOf(events));
    }

    private void insert(List<Event> events) {
        db.write("append events", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Event e : events) {
                    ps.setLong(1, e.id());
                    ps.setString(2, e.subject().value());
                    ps.setString(3, e.item().value());
                    ps.setString(4, e.type().name());
                    ps.setDouble(5, e.value());
                    ps.setLong(6, Codec.micros(e.timestamp()));
                    ps.setString(7, Sql.nullable(e.session()));
                    ps.setString(8, Sql.nullable(e.context().device()));
                    ps.setString(9, Sql.nullable(e.context().daypart()));
                    ps.setString(10, Sql.nullable(e.context().region()));
                    if (e.sealedText().isPresent()) {
                        ps.setBytes(11, e.sealedText().get());
                    } else {
                        ps.setNull(11, java.sql.Types.BINARY);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Event> forSubject(SubjectId subject) {
        return db.read("read events", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE subject = ? ORDER BY id")) {
                ps.setString(1, subject.value());
                List<Event> out = new ArrayList<>();
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
    public Optional<Event> get(long eventId) {
        return db.read("read event", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE id = ?")) {
                ps.setLong(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void forEach(Consumer<Event> sink) {
        // Keyset pages keep each statement short, so a long scan never pins a snapshot or a connection.
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<Event> page = db.read("scan events", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE id > ? ORDER BY id LIMIT 10000")) {
                    ps.setLong(1, from);
                    List<Event> out = new ArrayList<>(10_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(row(rs));
                        }
                    }
                    return out;
                }
            });
            page.forEach(sink);
            if (page.size() < 10_000) {
                return;
            }
            after = page.getLast().id();
        }
    }

    @Override
    public boolean delete(SubjectId subject, long eventId) {
        return db.write("delete event", c -> Sql.update(c, "DELETE FROM events WHERE id = ? AND subject = ?", eventId, subject.value()) > 0);
    }

    @Override
    public long deleteOlderThan(EventType type, java.time.Instant cutoff) {
        return db.write("expire events", c -> Sql.update(c, "DELETE FROM events WHERE type = ? AND ts < ?", type.name(), Codec.micros(cutoff)));
    }

    @Override
    public long deleteSubject(SubjectId subject) {
        return db.write("delete events", c -> Sql.update(c, "DELETE FROM events WHERE subject = ?", subject.value()));
    }

    @Override
    public long count() {
        return db.read("count events", c -> Sql.count(c, "SELECT COUNT(*) FROM events"));
    }

    @Override
    public long maxId() {
        return db.read("max event id", c -> Sql.count(c, "SELECT COALESCE(MAX(id), 0) FROM events"));
    }

    private static Event row(ResultSet rs) throws SQLException {
        return new Event(rs.getLong(1), SubjectId.of(rs.getString(2)), ItemId.of(rs.getString(3)), EventType.of(rs.getString(4)),
                rs.getDouble(5), Codec.instant(rs.getLong(6)), Sql.optional(rs, 7),
                new Context(Sql.optional(rs, 8), Sql.optional(rs, 9), Sql.optional(rs, 10)), Optional.ofNullable(rs.getBytes(11)));
    }

    @Override
    public void close() {
        committer.close();
    }
}
