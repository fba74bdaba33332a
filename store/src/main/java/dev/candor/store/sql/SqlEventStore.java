package dev.candor.store.sql;

import dev.candor.model.Context;
import dev.candor.model.Event;
import dev.candor.model.EventType;
import dev.candor.model.ItemId;
import dev.candor.model.SubjectId;
import dev.candor.store.EventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Behavioural events in table {@code events}, appended through a {@link GroupCommitter}.
 *
 * <p>Rows name their subject by the integer of table {@code subjects} (pseudonym → id), assigned
 * on a subject's first append in the same transaction as its events, and held in a bounded cache
 * once committed. They are indexed by {@code (chunk, subject)}: the chunk advances every
 * {@value #CHUNK_ROWS} appended rows, so an append dirties only the current chunk's index pages
 * however many subjects it spans, and one subject's rows are found by one index seek per chunk.
 * Erasure deletes a subject's rows and then its {@code subjects} row; appends and erasure of the
 * store exclude each other, so no append can reuse an id whose mapping an erasure removed.
 */
final class SqlEventStore implements EventStore, AutoCloseable {
    private static final String COLUMNS = "e.id, e.item, e.type, e.value, e.ts, e.session, e.device, e.daypart, e.region, e.payload";
    private static final int MAX_GROUP_ROWS = 50_000;
    /** Rows per chunk of the subject index. */
    static final int CHUNK_ROWS = 65_536;
    /** Subject ids cached at most; the cache is emptied when full (a miss costs one indexed lookup). */
    private static final int MAX_CACHED_SUBJECTS = 500_000;
    /** The chunks from ?1 to ?2, joined with one subject's rows (?3): one index seek per chunk. */
    private static final String CHUNKS = "WITH RECURSIVE c(n) AS (SELECT CAST(? AS BIGINT) UNION ALL SELECT n + 1 FROM c WHERE n < ?) ";
    /** Rows with their subject's pseudonym first, then {@link #COLUMNS}; the caller adds the WHERE clause. */
    private static final String WITH_PSEUDONYM = "SELECT s.pseudonym, " + COLUMNS + " FROM events e JOIN subjects s ON s.id = e.subject ";
    private final Database db;
    private final GroupCommitter<Event> committer;
    private final Map<SubjectId, Long> subjectIds = new ConcurrentHashMap<>();
    /** Held by each append transaction and by erasure of a subject. */
    private final Object subjectsLock = new Object();
    private long chunk = -1;
    private int chunkRows;

    SqlEventStore(Database db) {
        this.db = db;
        this.committer = new GroupCommitter<>("candor-event-commit", this::insert, MAX_GROUP_ROWS);
    }

    @Override
    public void append(List<Event> events) {
        committer.commit(List.copyOf(events));
    }

    private void insert(List<Event> events) {
        synchronized (subjectsLock) {
            Map<SubjectId, Long> assigned = new HashMap<>();
            long[] next = new long[2];
            db.write("append events", c -> {
                if (chunk < 0) {
                    chunk = Sql.count(c, "SELECT COALESCE(MAX(chunk), -1) FROM events") + 1;
                }
                next[0] = chunk;
                next[1] = chunkRows;
                // Most events carry no session, context or text: those bind 7 parameters instead of 12.
                try (PreparedStatement plain = c.prepareStatement("INSERT INTO events (id, subject, chunk, item, type, value, ts) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement full = c.prepareStatement("INSERT INTO events (id, subject, chunk, item, type, value, ts, session, "
                             + "device, daypart, region, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int plainRows = 0;
                    int fullRows = 0;
                    for (Event e : events) {
                        Context x = e.context();
                        boolean bare = e.session().isEmpty() && x.device().isEmpty() && x.daypart().isEmpty() && x.region().isEmpty()
                                && e.sealedText().isEmpty();
                        PreparedStatement ps = bare ? plain : full;
                        ps.setLong(1, e.id());
                        ps.setLong(2, subjectId(c, e.subject(), assigned));
                        ps.setLong(3, next[0]);
                        ps.setString(4, e.item().value());
                        ps.setString(5, e.type().name());
                        ps.setDouble(6, e.value());
                        ps.setLong(7, Codec.micros(e.timestamp()));
                        if (bare) {
                            plainRows++;
                        } else {
                            fullRows++;
                            ps.setString(8, Sql.nullable(e.session()));
                            ps.setString(9, Sql.nullable(x.device()));
                            ps.setString(10, Sql.nullable(x.daypart()));
                            ps.setString(11, Sql.nullable(x.region()));
                            if (e.sealedText().isPresent()) {
                                ps.setBytes(12, e.sealedText().get());
                            } else {
                                ps.setNull(12, java.sql.Types.BINARY);
                            }
                        }
                        ps.addBatch();
                        if (++next[1] == CHUNK_ROWS) {
                            next[0]++;
                            next[1] = 0;
                        }
                    }
                    if (plainRows > 0) {
                        plain.executeBatch();
                    }
                    if (fullRows > 0) {
                        full.executeBatch();
                    }
                }
                return null;
            });
            // committed: only now may later appends rely on the ids this one assigned
            chunk = next[0];
            chunkRows = (int) next[1];
            if (subjectIds.size() + assigned.size() > MAX_CACHED_SUBJECTS) {
                subjectIds.clear();
            }
            subjectIds.putAll(assigned);
        }
    }

    /** {@return the subject's id, from the cache, the table, or newly inserted (recorded in {@code assigned})} */
    private long subjectId(Connection c, SubjectId subject, Map<SubjectId, Long> assigned) throws SQLException {
        Long id = subjectIds.get(subject);
        if (id == null) {
            id = assigned.get(subject);
        }
        if (id == null) {
            OptionalLong found = lookup(c, subject);
            if (found.isPresent()) {
                id = found.getAsLong();
            } else {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO subjects (pseudonym) VALUES (?) RETURNING id")) {
                    ps.setString(1, subject.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
            }
            assigned.put(subject, id);
        }
        return id;
    }

    private static OptionalLong lookup(Connection c, SubjectId subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM subjects WHERE pseudonym = ?")) {
            ps.setString(1, subject.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    @Override
    public List<Event> forSubject(SubjectId subject) {
        return db.readConsistent("read events", c -> {
            OptionalLong id = lookup(c, subject);
            if (id.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement ps = c.prepareStatement(CHUNKS + "SELECT " + COLUMNS + " FROM c CROSS JOIN events e "
                    + "WHERE e.chunk = c.n AND e.subject = ? ORDER BY e.id")) {
                bindChunks(c, ps, id.getAsLong());
                List<Event> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs, subject));
                    }
                }
                return out;
            }
        });
    }

    /** Binds a {@link #CHUNKS} statement: the stored chunk range, then the subject's id. */
    private static void bindChunks(Connection c, PreparedStatement ps, long subject) throws SQLException {
        long[] range = chunkRange(c);
        ps.setLong(1, range[0]);
        ps.setLong(2, range[1]);
        ps.setLong(3, subject);
    }

    /** {@return the lowest and highest chunk stored (1, 0 when there are no events)} */
    private static long[] chunkRange(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                // two subqueries: SQLite answers a lone MIN or MAX from the index, but scans it for both at once
                "SELECT (SELECT MIN(chunk) FROM events), (SELECT MAX(chunk) FROM events)"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? new long[] {1, 0} : new long[] {min, rs.getLong(2)};
        }
    }

    @Override
    public Optional<Event> get(long eventId) {
        return db.read("read event", c -> {
            try (PreparedStatement ps = c.prepareStatement(WITH_PSEUDONYM + "WHERE e.id = ?")) {
                ps.setLong(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs, 2, SubjectId.of(rs.getString(1)))) : Optional.empty();
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
                try (PreparedStatement ps = c.prepareStatement(WITH_PSEUDONYM + "WHERE e.id > ? ORDER BY e.id LIMIT 10000")) {
                    ps.setLong(1, from);
                    List<Event> out = new ArrayList<>(10_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(row(rs, 2, SubjectId.of(rs.getString(1))));
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
        return db.write("delete event", c -> Sql.update(c, "DELETE FROM events WHERE id = ? AND subject = (SELECT id FROM subjects "
                + "WHERE pseudonym = ?)", eventId, subject.value()) > 0);
    }

    @Override
    public long deleteOlderThan(EventType type, java.time.Instant cutoff) {
        return db.write("expire events", c -> Sql.update(c, "DELETE FROM events WHERE type = ? AND ts < ?", type.name(), Codec.micros(cutoff)));
    }

    @Override
    public long deleteSubject(SubjectId subject) {
        synchronized (subjectsLock) {
            subjectIds.remove(subject);
            return db.write("delete events", c -> {
                OptionalLong id = lookup(c, subject);
                if (id.isEmpty()) {
                    return 0L;
                }
                long removed;
                try (PreparedStatement ps = c.prepareStatement(CHUNKS + "DELETE FROM events WHERE id IN (SELECT e.id FROM c CROSS JOIN events e "
                        + "WHERE e.chunk = c.n AND e.subject = ?)")) {
                    bindChunks(c, ps, id.getAsLong());
                    removed = ps.executeUpdate();
                }
                Sql.update(c, "DELETE FROM subjects WHERE id = ?", id.getAsLong());
                return removed;
            });
        }
    }

    @Override
    public long count() {
        return db.read("count events", c -> Sql.count(c, "SELECT COUNT(*) FROM events"));
    }

    @Override
    public long maxId() {
        return db.read("max event id", c -> Sql.count(c, "SELECT COALESCE(MAX(id), 0) FROM events"));
    }

    private static Event row(ResultSet rs, SubjectId subject) throws SQLException {
        return row(rs, 1, subject);
    }

    /** Reads {@link #COLUMNS} starting at column {@code at}. */
    private static Event row(ResultSet rs, int at, SubjectId subject) throws SQLException {
        return new Event(rs.getLong(at), subject, ItemId.of(rs.getString(at + 1)), EventType.of(rs.getString(at + 2)),
                rs.getDouble(at + 3), Codec.instant(rs.getLong(at + 4)), Sql.optional(rs, at + 5),
                new Context(Sql.optional(rs, at + 6), Sql.optional(rs, at + 7), Sql.optional(rs, at + 8)),
                Optional.ofNullable(rs.getBytes(at + 9)));
    }

    @Override
    public void close() {
        committer.close();
    }
}
