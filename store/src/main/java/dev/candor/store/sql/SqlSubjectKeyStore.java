package dev.candor.store.sql;

import dev.candor.model.SubjectId;
import dev.candor.privacy.SubjectKeyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Wrapped per-person data keys in table {@code subject_keys}. */
final class SqlSubjectKeyStore implements SubjectKeyStore {
    private final Database db;

    SqlSubjectKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<byte[]> wrappedKey(SubjectId subject) {
        return db.read("read data key", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT wrapped FROM subject_keys WHERE subject = ?")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public byte[] putIfAbsent(SubjectId subject, byte[] wrapped) {
        return db.write("store data key", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subject_keys (subject, wrapped) VALUES (?, ?) ON CONFLICT (subject) DO NOTHING")) {
                ps.setString(1, subject.value());
                ps.setBytes(2, wrapped);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT wrapped FROM subject_keys WHERE subject = ?")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }

    @Override
    public boolean delete(SubjectId subject) {
        return db.write("delete data key", c -> Sql.update(c, "DELETE FROM subject_keys WHERE subject = ?", subject.value()) > 0);
    }
}
