package dev.candor.audit;

import dev.candor.model.SubjectId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
 */
public final class AuditLog {
    private final AuditStore store;
    private final InstantSource clock;
    private long lastSeq;
    private String lastHash;

    public AuditLog(AuditStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
        AuditStore.Head head = store.head().orElse(new AuditStore.Head(0, AuditEntry.GENESIS));
        this.lastSeq = head.seq();
        this.lastHash = head.hash();
    }

    /** Records an action; {@code subject} is turned into the person's unlinkable reference. */
    public synchronized AuditEntry record(String actor, String action, Optional<SubjectId> subject, Map<String, String> details) {
        Optional<String> ref = subject.map(s -> reference(s, true).orElseThrow());
        // microseconds: the precision both databases store, so a reloaded entry hashes the same
        AuditEntry e = AuditEntry.seal(lastSeq + 1, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor, action, ref,
                details, lastHash);
        store.append(e);
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
     * the stored head. Any edited, deleted, inserted or reordered entry fails one of these.
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
        return new Verification(problems.isEmpty(), count, firstBad[0] < 0 ? Optional.empty() : Optional.of(firstBad[0]),
                problems.isEmpty() ? Optional.empty() : Optional.of(problems.getFirst()), head.hash());
    }

    /**
     * @param valid          whether the whole chain checks out
     * @param entries        entries checked
     * @param firstInvalid   the first entry that does not
     * @param reason         why
     * @param head           the head hash (publish it elsewhere to anchor the chain)
     */
    public record Verification(boolean valid, long entries, Optional<Long> firstInvalid, Optional<String> reason, String head) {
    }
}
