package dev.candor.store.sql;

import dev.candor.audit.AuditEntry;
import dev.candor.audit.AuditStore;
import dev.candor.model.SubjectId;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The audit chain in {@code audit_log}, its head in {@code audit_head}, salts in {@code audit_subjects}. */
final class SqlAuditStore implements AuditStore {
    private static final String COLUMNS = "seq, at, actor, action, subject_ref, details, prev_hash, hash";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    SqlAuditStore(Database db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry e, Optional<String> headMac) {
        db.write("append audit entry", c -> {
            Sql.update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.seq(), Codec.micros(e.at()),
                    e.actor(), e.action(), e.subjectRef().orElse(null), Codec.map(e.details()), e.prevHash(), e.hash());
            Sql.update(c, "INSERT INTO audit_head (id, seq, hash, mac) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, "
                    + "hash = excluded.hash, mac = excluded.mac", e.seq(), e.hash(), headMac.orElse(null));
            return null;
        });
    }

    @Override
    public void signHead(Head head) {
        db.write("sign audit head", c -> {
            Sql.update(c, "UPDATE audit_head SET mac = ? WHERE id = 1 AND seq = ? AND hash = ?", head.mac().orElse(null), head.seq(),
                    head.hash());
            return null;
        });
    }

    @Override
    public Optional<Head> head() {
        return db.read("read audit head", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash, mac FROM audit_head WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getString(2), Optional.ofNullable(rs.getString(3)))) : Optional.empty();
            }
        });
    }

    @Override
    public List<AuditEntry> list(long afterSeq, int limit) {
        return db.read("list audit entries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, limit);
                return rows(ps);
            }
        });
    }

    @Override
    public void forEach(Consumer<AuditEntry> sink) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<AuditEntry> page = list(after, 5000);
            page.forEach(sink);
            if (page.size() < 5000) {
                return;
            }
            after = page.getLast().seq();
        }
    }

    @Override
    public List<AuditEntry> forSubjectRef(String ref) {
        return db.read("read audit entries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log WHERE subject_ref = ? ORDER BY seq")) {
                ps.setString(1, ref);
                return rows(ps);
            }
        });
    }

    @Override
    public Optional<byte[]> subjectSalt(SubjectId subject, boolean create) {
        Optional<byte[]> existing = db.read("read audit salt", c -> salt(c, subject));
        if (existing.isPresent() || !create) {
            return existing;
        }
        return db.write("create audit salt", c -> {
            Optional<byte[]> again = salt(c, subject);
            if (again.isPresent()) {
                return again;
            }
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_subjects (subject, salt) VALUES (?, ?)")) {
                ps.setString(1, subject.value());
                ps.setBytes(2, salt);
                ps.executeUpdate();
            }
            return Optional.of(salt);
        });
    }

    private static Optional<byte[]> salt(java.sql.Connection c, SubjectId subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT salt FROM audit_subjects WHERE subject = ?")) {
            ps.setString(1, subject.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    @Override
    public boolean deleteSubjectSalt(SubjectId subject) {
        return db.write("delete audit salt", c -> Sql.update(c, "DELETE FROM audit_subjects WHERE subject = ?", subject.value()) > 0);
    }

    private static List<AuditEntry> rows(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), Codec.instant(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        Optional.ofNullable(rs.getString(5)), Codec.map(rs.getString(6)), rs.getString(7), rs.getString(8)));
            }
        }
        return out;
    }
}
