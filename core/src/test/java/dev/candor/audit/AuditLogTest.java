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
}
