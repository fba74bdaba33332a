package dev.candor.audit;

import dev.candor.model.SubjectId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Appends to and verifies the hash chain. Appends are serialized (each entry needs the previous
 * hash); a failure to append fails the caller's operation (fail closed: what cannot be audited is
 * not done — callers append before they answer).
 *
 * <p>With an audit key (the installation's {@code audit.key}, kept outside the database), every
 * head is signed: {@code HMAC-SHA256(key, "candor-audit-head|" seq "|" hash)}. The chain alone
 * shows edits, but someone who can write to the database could rewrite it from the edited entry
 * on, or cut it short, and move the head to match; a signed head makes both need the key too. What
 * a signature cannot show is the log put back to an earlier signed state, entries and head
 * together: for that, keep the head that {@link #verify()} returns somewhere else.
 */
public final class AuditLog {
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
    private final AuditStore store;
    private final InstantSource clock;
    private final Optional<SecretKeySpec> headKey;
    private long lastSeq;
    private String lastHash;

    /** A log whose heads are not signed (tests, and stores that only an embedding program can write). */
    public AuditLog(AuditStore store, InstantSource clock) {
        this(store, clock, Optional.empty());
    }

    /**
     * A log that signs every head with {@code headKey} (at least 32 bytes). A head written before
     * signing existed is signed now, after the whole chain verifies.
     */
    public AuditLog(AuditStore store, InstantSource clock, byte[] headKey) {
        this(store, clock, Optional.of(headKey));
    }

    private AuditLog(AuditStore store, InstantSource clock, Optional<byte[]> key) {
        key.ifPresent(k -> {
            if (k.length < 32) {
                throw new IllegalArgumentException("the audit key must be at least 32 bytes. Provided length: " + k.length);
            }
        });
        this.store = store;
        this.clock = clock;
        this.headKey = key.map(k -> new SecretKeySpec(k, "HmacSHA256"));
        AuditStore.Head head = store.head().orElse(new AuditStore.Head(0, AuditEntry.GENESIS));
        this.lastSeq = head.seq();
        this.lastHash = head.hash();
        if (headKey.isPresent() && head.seq() > 0 && head.mac().isEmpty()) {
            Verification v = verify();
            if (v.valid() || v.reason().orElse("").equals(UNSIGNED)) {
                store.signHead(new AuditStore.Head(head.seq(), head.hash(), Optional.of(mac(head.seq(), head.hash()))));
                LOG.log(System.Logger.Level.INFO, "audit log: signed the head of a chain of {0} entries written before heads were signed",
                        head.seq());
            } else {
                LOG.log(System.Logger.Level.WARNING, "audit log: the chain does not verify, so its unsigned head was left unsigned: "
                        + v.reason().orElse(""));
            }
        }
    }

    private static final String UNSIGNED = "the head carries no signature, but this log signs its heads";

    /** {@return the head's signature under the audit key, hex} */
    private String mac(long seq, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(headKey.orElseThrow());
            return HexFormat.of().formatHex(mac.doFinal(("candor-audit-head|" + seq + "|" + hash).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Records an action; {@code subject} is turned into the person's unlinkable reference. */
    public synchronized AuditEntry record(String actor, String action, Optional<SubjectId> subject, Map<String, String> details) {
        Optional<String> ref = subject.map(s -> reference(s, true).orElseThrow());
        // microseconds: the precision both databases store, so a reloaded entry hashes the same
        AuditEntry e = AuditEntry.seal(lastSeq + 1, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor, action, ref,
                details, lastHash);
        store.append(e, headKey.map(k -> mac(e.seq(), e.hash())));
        lastSeq = e.seq();
        lastHash = e.hash();
        return e;
    }

    /** {@return the person's reference in audit entries: HMAC-SHA256(salt, "candor-audit"), hex} */
    Optional<String> reference(SubjectId subject, boolean create) {
        return store.subjectSalt(subject, create).map(salt -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(salt, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal("candor-audit".getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
            }
        });
    }

    /** {@return the entries about the person (empty after erasure, when they can no longer be found)} */
    public List<AuditEntry> about(SubjectId subject) {
        return reference(subject, false).map(store::forSubjectRef).orElse(List.of());
    }

    /** Makes the person's past entries unlinkable: deletes their salt. */
    public void forget(SubjectId subject) {
        store.deleteSubjectSalt(subject);
    }

    public List<AuditEntry> list(long afterSeq, int limit) {
        return store.list(afterSeq, limit);
    }

    /**
     * Walks the whole chain: sequences must run 1, 2, 3… without gaps, each entry's hash must match
     * its fields, each {@code prevHash} must be the previous entry's hash, and the last entry must be
     * the stored head. Any edited, deleted, inserted or reordered entry fails one of these. When the
     * log signs heads, the head's signature must verify too (compared in constant time).
     */
    public Verification verify() {
        List<String> problems = new ArrayList<>(1);
        long[] expected = {1};
        String[] prev = {AuditEntry.GENESIS};
        long[] firstBad = {-1};
        store.forEach(e -> {
            if (firstBad[0] >= 0) {
                expected[0]++;
                return;
            }
            String why = e.seq() != expected[0] ? "sequence " + e.seq() + " where " + expected[0] + " was expected (an entry is missing or out of order)"
                    : !e.prevHash().equals(prev[0]) ? "entry " + e.seq() + " does not link to the previous entry"
                    : !e.hashMatches() ? "entry " + e.seq() + " was altered (its hash does not match its content)" : null;
            if (why != null) {
                firstBad[0] = e.seq();
                problems.add(why);
            }
            prev[0] = e.hash();
            expected[0]++;
        });
        long count = expected[0] - 1;
        AuditStore.Head head = store.head().orElse(new AuditStore.Head(0, AuditEntry.GENESIS));
        if (problems.isEmpty() && (head.seq() != count || !head.hash().equals(prev[0]))) {
            problems.add("the chain ends at entry " + count + " but the recorded head is entry " + head.seq() + " (entries were removed)");
            firstBad[0] = count + 1;
        }
        if (problems.isEmpty() && headKey.isPresent() && head.seq() > 0) {
            if (head.mac().isEmpty()) {
                problems.add(UNSIGNED);
            } else if (!MessageDigest.isEqual(head.mac().get().getBytes(StandardCharsets.US_ASCII),
                    mac(head.seq(), head.hash()).getBytes(StandardCharsets.US_ASCII))) {
                problems.add("the head's signature does not match this installation's audit key (the log was rewritten outside Candor)");
            }
            if (!problems.isEmpty()) {
                firstBad[0] = head.seq();
            }
        }
        return new Verification(problems.isEmpty(), count, firstBad[0] < 0 ? Optional.empty() : Optional.of(firstBad[0]),
                problems.isEmpty() ? Optional.empty() : Optional.of(problems.getFirst()), head.hash(), headKey.isPresent());
    }

    /**
     * @param valid          whether the whole chain checks out
     * @param entries        entries checked
     * @param firstInvalid   the first entry that does not
     * @param reason         why
     * @param head           the head hash (publish it elsewhere to anchor the chain)
     * @param headSigned     whether the head's signature under the audit key was checked
     */
    public record Verification(boolean valid, long entries, Optional<Long> firstInvalid, Optional<String> reason, String head,
                               boolean headSigned) {
    }
}
