package dev.candor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.SubjectId;
import dev.candor.testing.InMemoryStorage;
import dev.candor.testing.TestClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of tampering with the chain is detected. */
class AuditLogTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final SubjectId alice = SubjectId.of("a1".repeat(32));
    private AuditLog log;

    @BeforeEach
    void fill() {
        log = new AuditLog(storage.audit(), new TestClock(Instant.parse("2026-01-01T00:00:00Z")));
        log.record("k1", "consent.change", Optional.of(alice), Map.of("personalization", "true"));
        log.record("k1", "profile.read", Optional.of(alice), Map.of());
        log.record("system", "model.train", Optional.empty(), Map.of("subjects", "10"));
        log.record("k2", "export", Optional.of(alice), Map.of());
        log.record("k2", "key.create", Optional.empty(), Map.of("key_id", "abc"));
    }

    @Test
    void anUntouchedChainVerifies_andAReopenedLogContinuesIt() {
        assertThat(log.verify().valid()).isTrue();
        AuditLog reopened = new AuditLog(storage.audit(), new TestClock(Instant.parse("2026-01-02T00:00:00Z")));
        reopened.record("k3", "erasure", Optional.empty(), Map.of());
        AuditLog.Verification v = reopened.verify();
        assertThat(v.valid()).isTrue();
        assertThat(v.entries()).isEqualTo(6);
    }

    @Test
    void editingAnyFieldOfAnyEntryIsDetected() {
        for (int i = 0; i < storage.auditRows.size(); i++) {
            AuditEntry e = storage.auditRows.get(i);
            Map<String, String> details = new HashMap<>(e.details());
            details.put("tampered", "yes");
            storage.auditRows.set(i, new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.subjectRef(), details, e.prevHash(), e.hash()));
            AuditLog.Verification v = log.verify();
            assertThat(v.valid()).isFalse();
            assertThat(v.firstInvalid()).contains(e.seq());
            assertThat(v.reason()).get().asString().contains("altered");
            storage.auditRows.set(i, e);
        }
        AuditEntry e = storage.auditRows.get(2);
        storage.auditRows.set(2, new AuditEntry(e.seq(), e.at(), "someone-else", e.action(), e.subjectRef(), e.details(), e.prevHash(), e.hash()));
        assertThat(log.verify().valid()).isFalse();
    }

    @Test
    void reHashingAnEditedEntryBreaksTheNextLink() {
        AuditEntry e = storage.auditRows.get(1);
        storage.auditRows.set(1, AuditEntry.seal(e.seq(), e.at(), e.actor(), "nothing.happened", e.subjectRef(), e.details(), e.prevHash()));
        AuditLog.Verification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstInvalid()).contains(3L);
    }

    @Test
    void deletingAMiddleEntry_orTheLastOne_isDetected() {
        AuditEntry middle = storage.auditRows.remove(2);
        assertThat(log.verify().valid()).isFalse();
        storage.auditRows.add(2, middle);
        assertThat(log.verify().valid()).isTrue();
        storage.auditRows.removeLast();
        AuditLog.Verification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).get().asString().contains("head");
    }

    @Test
    void swappingOrInsertingEntriesIsDetected() {
        AuditEntry a = storage.auditRows.get(1);
        AuditEntry b = storage.auditRows.get(2);
        storage.auditRows.set(1, b);
        storage.auditRows.set(2, a);
        assertThat(log.verify().valid()).isFalse();
        storage.auditRows.set(1, a);
        storage.auditRows.set(2, b);
        storage.auditRows.add(3, AuditEntry.seal(4, a.at(), "forger", "export", Optional.empty(), Map.of(), b.hash()));
        assertThat(log.verify().valid()).isFalse();
    }

    @Test
    void entriesAboutAPersonAreFoundUntilTheyAreForgotten() {
        assertThat(log.about(alice)).extracting(AuditEntry::action).containsExactly("consent.change", "profile.read", "export");
        assertThat(storage.auditRows.toString()).doesNotContain(alice.value());
        log.forget(alice);
        assertThat(log.about(alice)).isEmpty();
        assertThat(log.verify().valid()).isTrue();
    }

    private static final byte[] KEY = "an-audit-key-of-32-bytes-or-more!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Rewrites the chain from entry {@code from} on (editing that entry's actor), as someone with database access can. */
    private static void rewriteFrom(InMemoryStorage st, int from) {
        String prev = from == 0 ? AuditEntry.GENESIS : st.auditRows.get(from - 1).hash();
        for (int i = from; i < st.auditRows.size(); i++) {
            AuditEntry e = st.auditRows.get(i);
            AuditEntry forged = AuditEntry.seal(e.seq(), e.at(), i == from ? "nobody" : e.actor(), e.action(), e.subjectRef(), e.details(), prev);
            st.auditRows.set(i, forged);
            prev = forged.hash();
        }
        AuditEntry last = st.auditRows.getLast();
        st.auditHead = new AuditStore.Head(last.seq(), last.hash(), st.auditHead.mac());
    }

    @Test
    void rewritingTheChainFromAnEdit_passesAnUnsignedHead_butNotASignedOne() {
        rewriteFrom(storage, 1);
        assertThat(log.verify().valid()).as("without a key, a consistent rewrite cannot be told apart").isTrue();

        InMemoryStorage signed = new InMemoryStorage();
        AuditLog keyed = new AuditLog(signed.audit(), new TestClock(Instant.parse("2026-01-01T00:00:00Z")), KEY);
        for (int k = 0; k < 5; k++) {
            keyed.record("k1", "profile.read", Optional.of(alice), Map.of("n", Integer.toString(k)));
        }
        AuditLog.Verification ok = keyed.verify();
        assertThat(ok.valid()).isTrue();
        assertThat(ok.headSigned()).isTrue();
        rewriteFrom(signed, 1);
        AuditLog.Verification v = keyed.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).get().asString().contains("signature");
        assertThat(new AuditLog(signed.audit(), new TestClock(Instant.EPOCH), "another-key-of-thirty-two-bytes-!!".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).verify().valid()).as("another installation's key").isFalse();
    }

    @Test
    void cuttingTheChainShort_withAMatchingHead_isCaughtBySigning() {
        InMemoryStorage signed = new InMemoryStorage();
        AuditLog keyed = new AuditLog(signed.audit(), new TestClock(Instant.parse("2026-01-01T00:00:00Z")), KEY);
        for (int k = 0; k < 5; k++) {
            keyed.record("k1", "export", Optional.empty(), Map.of());
        }
        signed.auditRows.removeLast();
        AuditEntry last = signed.auditRows.getLast();
        signed.auditHead = new AuditStore.Head(last.seq(), last.hash(), signed.auditHead.mac());
        assertThat(keyed.verify().valid()).isFalse();
        signed.auditHead = new AuditStore.Head(last.seq(), last.hash(), Optional.empty());
        assertThat(keyed.verify().reason()).get().asString().contains("no signature");
    }

    @Test
    void anUnsignedHeadOfAValidChain_isSignedWhenAKeyArrives_aBrokenOneIsNot() {
        assertThat(storage.auditHead.mac()).isEmpty();
        AuditLog keyed = new AuditLog(storage.audit(), new TestClock(Instant.parse("2026-01-02T00:00:00Z")), KEY);
        assertThat(storage.auditHead.mac()).isPresent();
        assertThat(keyed.verify().valid()).isTrue();
        keyed.record("k3", "erasure", Optional.empty(), Map.of());
        assertThat(keyed.verify().valid()).isTrue();

        InMemoryStorage broken = new InMemoryStorage();
        AuditLog plain = new AuditLog(broken.audit(), new TestClock(Instant.EPOCH));
        plain.record("k1", "export", Optional.empty(), Map.of());
        plain.record("k1", "export", Optional.empty(), Map.of());
        broken.auditRows.removeFirst();
        new AuditLog(broken.audit(), new TestClock(Instant.EPOCH), KEY);
        assertThat(broken.auditHead.mac()).as("a chain that does not verify is not blessed").isEmpty();
    }
}
