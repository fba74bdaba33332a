package dev.candor.audit;

import dev.candor.model.SubjectId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the audit chain lives. Implementations append an entry and move the stored head (last
 * sequence, hash and the head's signature) in one transaction, so a deleted last entry is detected too.
 */
public interface AuditStore {
    /**
     * Appends the entry and sets the head to it, with the head's signature when the log signs heads,
     * atomically. Durable on return.
     */
    void append(AuditEntry entry, Optional<String> headMac);

    /** Replaces the signature of the current head (signing a head written before heads were signed). */
    void signHead(Head head);

    /** {@return the head: the last entry's sequence and hash, as stored beside the chain} */
    Optional<Head> head();

    /** {@return up to {@code limit} entries after {@code afterSeq}, in sequence order} */
    List<AuditEntry> list(long afterSeq, int limit);

    /** Streams every entry in stored order (by sequence). */
    void forEach(Consumer<AuditEntry> sink);

    /** {@return the entries with this subject reference, in order} */
    List<AuditEntry> forSubjectRef(String ref);

    /** {@return the person's audit salt, created when {@code create} and absent} */
    Optional<byte[]> subjectSalt(SubjectId subject, boolean create);

    /** Deletes the person's audit salt (erasure). {@return whether there was one} */
    boolean deleteSubjectSalt(SubjectId subject);

    /**
     * The stored head.
     *
     * @param mac HMAC-SHA256 of the head under the installation's audit key, hex; empty for heads
     *            written without one
     */
    record Head(long seq, String hash, Optional<String> mac) {
        public Head {
            java.util.Objects.requireNonNull(hash, "hash");
            java.util.Objects.requireNonNull(mac, "mac");
        }

        public Head(long seq, String hash) {
            this(seq, hash, Optional.empty());
        }
    }
}
