package dev.candor.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.ConsentChange;
import dev.candor.model.ConsentState;
import dev.candor.model.Context;
import dev.candor.model.Event;
import dev.candor.model.EventType;
import dev.candor.model.Feedback;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Intensity;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.model.Scope;
import dev.candor.model.SubjectId;
import dev.candor.store.ApiKey;
import dev.candor.store.Page;
import dev.candor.store.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Storage} must have, run against SQLite and PostgreSQL by subclasses.
 * Each test starts from an empty store.
 */
public abstract class StorageContractTest {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    protected Storage storage;

    /** Opens the storage under test (the same database each call: reopening must keep the data). */
    protected abstract Storage open();

    /** Runs raw SQL against the database behind the storage, as an attacker with file or database access could. */
    protected abstract void tamper(String sql) throws Exception;

    /** {@return the single number a raw SQL query answers, read directly from the database behind the storage} */
    protected abstract long queryNumber(String sql) throws Exception;

    /** Removes all data before a test; the default relies on a fresh temporary directory. */
    protected void wipe() {
    }

    @BeforeEach
    void start() {
        wipe();
        storage = open();
    }

    @AfterEach
    void stop() {
        if (storage != null) {
            storage.close();
        }
    }

    protected static SubjectId subject(int n) {
        byte[] b = new byte[32];
        b[31] = (byte) n;
        b[30] = (byte) (n >> 8);
        b[0] = (byte) 0xab;
        return SubjectId.of(HexFormat.of().formatHex(b));
    }

    protected static Event event(long id, SubjectId s, String item) {
        return new Event(id, s, ItemId.of(item), EventType.VIEW, 1.0, T0.plusSeconds(id), Optional.empty(), Context.NONE);
    }

    @Test
    void itemsRoundTripHostileContentExactly() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("brand", "Ünïcødé 🎬 'quoted' \"double\" ; DROP TABLE items; --");
        attrs.put("sep", "3:abc,|\t");
        Item hostile = new Item(ItemId.of("ítem/1?x=y&z"), "Title with 12:colon and emoji 🎉", List.of("a:b", "12:x", "drama"),
                attrs, true, T0);
        storage.items().put(hostile);
        assertThat(storage.items().get(hostile.id())).contains(hostile);
        assertThat(storage.items().get(ItemId.of("missing"))).isEmpty();
    }

    @Test
    void putReplacesAnItem() {
        storage.items().put(Item.of("a", "First", List.of("x")));
        storage.items().put(Item.of("a", "Second", List.of("y")));
        assertThat(storage.items().get(ItemId.of("a")).orElseThrow().title()).isEqualTo("Second");
        assertThat(storage.items().count()).isEqualTo(1);
    }

    @Test
    void itemsListInBinaryOrderAcrossPages() {
        List<String> ids = List.of("b", "B", "a", "A", "é", "z10", "z2", "_", "0");
        storage.items().putAll(ids.stream().map(id -> Item.of(id, id, List.of())).toList());
        List<String> seen = new ArrayList<>();
        Optional<ItemId> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Item, ItemId> page = storage.items().list(2, cursor);
            page.items().forEach(i -> seen.add(i.id().value()));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());
        assertThat(seen).containsExactly("0", "A", "B", "_", "a", "b", "z10", "z2", "é");
        assertThat(pages).isEqualTo(5);
        List<String> scanned = new ArrayList<>();
        storage.items().forEach(i -> scanned.add(i.id().value()));
        assertThat(scanned).isEqualTo(seen);
    }

    @Test
    void deletingAnItemRemovesItOnce() {
        storage.items().put(Item.of("a", "A", List.of()));
        assertThat(storage.items().delete(ItemId.of("a"))).isTrue();
        assertThat(storage.items().delete(ItemId.of("a"))).isFalse();
        assertThat(storage.items().count()).isZero();
    }

    @Test
    void consentKeepsCurrentStateAndFullHistory() {
        SubjectId s = subject(1);
        assertThat(storage.consents().current(s)).isEmpty();
        ConsentState first = storage.consents().record(s, Map.of(Purpose.PERSONALIZATION, true, Purpose.BEHAVIORAL, true), T0, "signup");
        assertThat(first.granted()).containsExactlyInAnyOrder(Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        ConsentState second = storage.consents().record(s, Map.of(Purpose.BEHAVIORAL, false), T0.plusSeconds(60), "settings");
        assertThat(second.granted()).containsExactly(Purpose.PERSONALIZATION);
        assertThat(storage.consents().current(s)).contains(new ConsentState(EnumSet.of(Purpose.PERSONALIZATION), true, T0.plusSeconds(60)));
        assertThat(storage.consents().history(s)).containsExactly(
                new ConsentChange(Purpose.PERSONALIZATION, true, T0, "signup"),
                new ConsentChange(Purpose.BEHAVIORAL, true, T0, "signup"),
                new ConsentChange(Purpose.BEHAVIORAL, false, T0.plusSeconds(60), "settings"));
        Map<SubjectId, ConsentState> all = new LinkedHashMap<>();
        storage.consents().forEachCurrent(all::put);
        assertThat(all).containsOnlyKeys(s);
    }

    @Test
    void consentDeletionRemovesStateAndHistoryOfThatSubjectOnly() {
        storage.consents().record(subject(1), Map.of(Purpose.PERSONALIZATION, true), T0, "api");
        storage.consents().record(subject(2), Map.of(Purpose.ANALYTICS, true), T0, "api");
        assertThat(storage.consents().deleteSubject(subject(1))).isEqualTo(2);
        assertThat(storage.consents().current(subject(1))).isEmpty();
        assertThat(storage.consents().history(subject(1))).isEmpty();
        assertThat(storage.consents().current(subject(2))).isPresent();
    }

    @Test
    void eventsRoundTripWithSessionAndContext() {
        SubjectId s = subject(1);
        Event full = new Event(7, s, ItemId.of("i1"), EventType.PURCHASE, 19.99, T0, Optional.of("sess-1"),
                new Context(Optional.of("mobile"), Optional.of("evening"), Optional.of("DE")));
        storage.events().append(List.of(full, event(8, s, "i2")));
        assertThat(storage.events().forSubject(s)).containsExactly(full, event(8, s, "i2"));
        assertThat(storage.events().get(7)).contains(full);
        assertThat(storage.events().get(99)).isEmpty();
        assertThat(storage.events().count()).isEqualTo(2);
        assertThat(storage.events().maxId()).isEqualTo(8);
    }

    @Test
    void eventDeletionChecksTheOwner() {
        storage.events().append(List.of(event(1, subject(1), "a"), event(2, subject(2), "a"), event(3, subject(1), "b")));
        assertThat(storage.events().delete(subject(2), 1)).isFalse();
        assertThat(storage.events().delete(subject(1), 1)).isTrue();
        assertThat(storage.events().deleteSubject(subject(1))).isEqualTo(1);
        assertThat(storage.events().forSubject(subject(1))).isEmpty();
        assertThat(storage.events().forSubject(subject(2))).hasSize(1);
    }

    @Test
    void oneSubjectsEventsAcrossChunksAndReopening_areReadInOrderAndErasedWhole_withTheirSubjectRow() throws Exception {
        int rows = SqlEventStore.CHUNK_ROWS + 4_000; // more than one chunk of the subject index
        List<Event> first = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            first.add(event(i, subject(i % 3), "i" + (i % 7)));
        }
        storage.events().append(first.subList(0, rows / 2));
        storage.events().append(first.subList(rows / 2, rows));
        storage.close();
        storage = open(); // appends after a restart go to a new chunk
        storage.events().append(List.of(event(rows + 1L, subject(1), "late"), event(rows + 2L, subject(2), "late")));
        long perSubject = first.stream().filter(e -> e.subject().equals(subject(1))).count() + 1;
        assertThat(first.stream().filter(e -> e.subject().equals(subject(2))).count() + 1).isEqualTo(perSubject);
        List<Event> ones = storage.events().forSubject(subject(1));
        assertThat(ones).hasSize((int) perSubject).isSortedAccordingTo(java.util.Comparator.comparingLong(Event::id));
        assertThat(ones.getFirst().id()).isEqualTo(1);
        assertThat(ones.getLast().item().value()).isEqualTo("late");
        assertThat(queryNumber("SELECT COUNT(*) FROM subjects")).isEqualTo(3);

        assertThat(storage.events().deleteSubject(subject(1))).isEqualTo(perSubject);
        assertThat(storage.events().forSubject(subject(1))).isEmpty();
        assertThat(queryNumber("SELECT COUNT(*) FROM subjects WHERE pseudonym = '" + subject(1).value() + "'")).isZero();
        assertThat(queryNumber("SELECT COUNT(*) FROM subjects")).isEqualTo(2);
        assertThat(storage.events().count()).isEqualTo(rows + 2L - perSubject);
        assertThat(storage.events().forSubject(subject(2))).hasSize((int) perSubject);
        assertThat(storage.events().get(2)).map(Event::subject).contains(subject(2));
    }

    @Test
    void anErasedSubjectThatReturns_getsANewSubjectRow_andNoneOfItsOldEvents() throws Exception {
        storage.events().append(List.of(event(1, subject(1), "a"), event(2, subject(2), "a")));
        long before = queryNumber("SELECT id FROM subjects WHERE pseudonym = '" + subject(1).value() + "'");
        assertThat(storage.events().deleteSubject(subject(1))).isEqualTo(1);
        assertThat(storage.events().deleteSubject(subject(1))).isZero();
        storage.events().append(List.of(event(3, subject(1), "b")));
        assertThat(storage.events().forSubject(subject(1))).containsExactly(event(3, subject(1), "b"));
        assertThat(queryNumber("SELECT id FROM subjects WHERE pseudonym = '" + subject(1).value() + "'")).isGreaterThan(before);
        assertThat(storage.events().forSubject(subject(2))).containsExactly(event(2, subject(2), "a"));
    }

    @Test
    void aFailedAppendOfANewSubject_leavesNoSubjectRow_andTheNextAppendOfThatSubjectIsReadable() throws Exception {
        storage.events().append(List.of(event(1, subject(1), "a")));
        List<Event> bad = List.of(event(2, subject(9), "b"), event(1, subject(9), "c")); // id 1 exists: the whole batch fails
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> storage.events().append(bad))
                .isInstanceOf(dev.candor.store.StoreException.class);
        assertThat(queryNumber("SELECT COUNT(*) FROM subjects WHERE pseudonym = '" + subject(9).value() + "'")).isZero();
        storage.events().append(List.of(event(3, subject(9), "d")));
        assertThat(storage.events().forSubject(subject(9))).containsExactly(event(3, subject(9), "d"));
        List<Event> all = new ArrayList<>();
        storage.events().forEach(all::add);
        assertThat(all).extracting(Event::subject).containsExactly(subject(1), subject(9));
    }

    @Test
    void aScanVisitsEveryEventInIdOrderAcrossPages() {
        List<Event> batch = new ArrayList<>();
        for (int i = 1; i <= 25_003; i++) {
            batch.add(event(i, subject(i % 50), "item" + (i % 300)));
        }
        storage.events().append(batch);
        AtomicLong n = new AtomicLong();
        AtomicLong last = new AtomicLong();
        storage.events().forEach(e -> {
            assertThat(e.id()).isGreaterThan(last.get());
            last.set(e.id());
            n.incrementAndGet();
        });
        assertThat(n.get()).isEqualTo(25_003);
    }

    @Test
    void concurrentAppendsAreAllDurableAndCounted() throws Exception {
        int writers = 16;
        int batches = 20;
        int perBatch = 50;
        AtomicLong ids = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        List<Event> batch = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++) {
                            batch.add(event(ids.incrementAndGet(), subject(writer), "i" + i));
                        }
                        storage.events().append(batch);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        storage.close();
        storage = open();
        assertThat(storage.events().count()).isEqualTo((long) writers * batches * perBatch);
        assertThat(storage.events().forSubject(subject(3))).hasSize(batches * perBatch);
    }

    @Test
    void aBadBatchFailsAloneAndStoresNothingOfItself() {
        storage.events().append(List.of(event(1, subject(1), "a")));
        List<Event> duplicate = List.of(event(2, subject(1), "b"), event(1, subject(1), "c"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> storage.events().append(duplicate))
                .isInstanceOf(dev.candor.store.StoreException.class);
        storage.events().append(List.of(event(3, subject(1), "d")));
        assertThat(storage.events().forSubject(subject(1))).extracting(Event::id).containsExactly(1L, 3L);
    }

    @Test
    void preferencesReplaceAndDelete() {
        SubjectId s = subject(4);
        Preferences p = new Preferences(Set.of("jazz", "a:b"), Set.of("horror"), Intensity.LOW, Set.of("health"), T0, Set.of("golf"));
        storage.preferences().put(s, p);
        assertThat(storage.preferences().get(s)).contains(p);
        Preferences q = new Preferences(Set.of(), Set.of(), Intensity.HIGH, Set.of(), T0.plusSeconds(1));
        storage.preferences().put(s, q);
        assertThat(storage.preferences().get(s)).contains(q);
        Map<SubjectId, Preferences> all = new LinkedHashMap<>();
        storage.preferences().forEach(all::put);
        assertThat(all).containsExactly(Map.entry(s, q));
        assertThat(storage.preferences().delete(s)).isTrue();
        assertThat(storage.preferences().delete(s)).isFalse();
        assertThat(storage.preferences().get(s)).isEmpty();
    }

    @Test
    void feedbackAppendsPerSubject() {
        Feedback a = new Feedback(1, subject(1), ItemId.of("x"), FeedbackSignal.NOT_INTERESTED, T0, Optional.of("req-1"));
        Feedback b = new Feedback(2, subject(1), ItemId.of("y"), FeedbackSignal.TOO_PERSONAL, T0, Optional.empty());
        Feedback c = new Feedback(3, subject(2), ItemId.of("y"), FeedbackSignal.HELPFUL, T0, Optional.empty());
        storage.feedback().append(a);
        storage.feedback().append(b);
        storage.feedback().append(c);
        assertThat(storage.feedback().forSubject(subject(1))).containsExactly(a, b);
        assertThat(storage.feedback().maxId()).isEqualTo(3);
        assertThat(storage.feedback().deleteSubject(subject(1))).isEqualTo(2);
        List<Feedback> rest = new ArrayList<>();
        storage.feedback().forEach(rest::add);
        assertThat(rest).containsExactly(c);
    }

    @Test
    void apiKeysAreStoredByHashAndRevokedOnce() {
        byte[] hash = new byte[32];
        hash[0] = 42;
        ApiKey k = new ApiKey("0123456789abcdef", hash, EnumSet.of(Scope.INGEST, Scope.RECOMMEND), "shop backend", T0, Optional.empty());
        storage.apiKeys().put(k);
        ApiKey read = storage.apiKeys().get("0123456789abcdef").orElseThrow();
        assertThat(read.hash()).isEqualTo(hash);
        assertThat(read.scopes()).containsExactlyInAnyOrder(Scope.INGEST, Scope.RECOMMEND);
        assertThat(read.label()).isEqualTo("shop backend");
        assertThat(storage.apiKeys().revoke("0123456789abcdef", T0.plusSeconds(5))).isTrue();
        assertThat(storage.apiKeys().revoke("0123456789abcdef", T0.plusSeconds(9))).isFalse();
        assertThat(storage.apiKeys().get("0123456789abcdef").orElseThrow().revokedAt()).contains(T0.plusSeconds(5));
        assertThat(storage.apiKeys().list()).hasSize(1);
        assertThat(storage.apiKeys().get("nope")).isEmpty();
    }

    @Test
    void everythingSurvivesReopening() {
        storage.items().put(Item.of("a", "A", List.of("c")));
        storage.consents().record(subject(1), Map.of(Purpose.PERSONALIZATION, true), T0, "api");
        storage.events().append(List.of(event(1, subject(1), "a")));
        storage.close();
        storage = open();
        assertThat(storage.items().count()).isEqualTo(1);
        assertThat(storage.consents().current(subject(1))).isPresent();
        assertThat(storage.events().count()).isEqualTo(1);
        assertThat(storage.isHealthy()).isTrue();
    }

    @Test
    void auditChainSurvivesReopening_andRawSqlTamperingIsDetected() throws Exception {
        dev.candor.audit.AuditLog log = new dev.candor.audit.AuditLog(storage.audit(), java.time.InstantSource.system());
        for (int i = 0; i < 5; i++) {
            log.record("key-" + i, "consent.change", Optional.of(subject(i % 2)), Map.of("personalization", Boolean.toString(i % 2 == 0)));
        }
        assertThat(log.about(subject(0))).hasSize(3);
        storage.close();
        storage = open();
        log = new dev.candor.audit.AuditLog(storage.audit(), java.time.InstantSource.system());
        log.record("key-9", "export", Optional.empty(), Map.of());
        assertThat(log.verify().valid()).isTrue();
        assertThat(log.verify().entries()).isEqualTo(6);

        tamper("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2");
        assertThat(log.verify().valid()).isFalse();
        assertThat(log.verify().firstInvalid()).contains(2L);
        tamper("UPDATE audit_log SET actor = 'key-1' WHERE seq = 2");
        assertThat(log.verify().valid()).isTrue();
        tamper("DELETE FROM audit_log WHERE seq = 6");
        assertThat(log.verify().valid()).isFalse();
    }

    @Test
    void signedAuditHead_survivesReopening_andARewriteThroughSqlIsCaught() throws Exception {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 7);
        dev.candor.audit.AuditLog plain = new dev.candor.audit.AuditLog(storage.audit(), java.time.InstantSource.system());
        plain.record("key-1", "export", Optional.empty(), Map.of());
        assertThat(storage.audit().head().orElseThrow().mac()).as("written before signing").isEmpty();
        dev.candor.audit.AuditLog log = new dev.candor.audit.AuditLog(storage.audit(), java.time.InstantSource.system(), key);
        assertThat(storage.audit().head().orElseThrow().mac()).as("the old head is signed once the chain verifies").isPresent();
        log.record("key-2", "erasure", Optional.empty(), Map.of());
        storage.close();
        storage = open();
        log = new dev.candor.audit.AuditLog(storage.audit(), java.time.InstantSource.system(), key);
        assertThat(log.verify().valid()).isTrue();
        assertThat(log.verify().headSigned()).isTrue();

        // cut the last entry and move the head back onto the one before, keeping the signature: caught
        dev.candor.audit.AuditEntry first = storage.audit().list(0, 1).getFirst();
        tamper("DELETE FROM audit_log WHERE seq = 2");
        tamper("UPDATE audit_head SET seq = 1, hash = '" + first.hash() + "'");
        assertThat(log.verify().valid()).isFalse();
        assertThat(new dev.candor.audit.AuditLog(storage.audit(), java.time.InstantSource.system()).verify().valid())
                .as("an unsigned reading cannot tell").isTrue();
    }

    @Test
    void retentionDeletesOnlyOlderEventsOfThatType() {
        storage.events().append(List.of(event(1, subject(1), "a"), event(2, subject(1), "b"),
                new Event(3, subject(2), ItemId.of("c"), EventType.PURCHASE, 1, T0.plusSeconds(1), Optional.empty(), Context.NONE)));
        // event(id) happens at T0 + id seconds
        assertThat(storage.events().deleteOlderThan(EventType.VIEW, T0.plusSeconds(2))).isEqualTo(1);
        assertThat(storage.events().forSubject(subject(1))).extracting(Event::id).containsExactly(2L);
        assertThat(storage.events().count()).isEqualTo(2);
    }

    @Test
    void privacyBudgetIsSpentAtomically_andSurvivesReopening() {
        dev.candor.privacy.dp.BudgetLedger ledger = new dev.candor.privacy.dp.BudgetLedger(storage.privacyBudget(), 1.0);
        ledger.spend("analyst-key", "events", 0.75);
        storage.close();
        storage = open();
        ledger = new dev.candor.privacy.dp.BudgetLedger(storage.privacyBudget(), 1.0);
        assertThat(ledger.remaining("analyst-key", "events")).isEqualTo(0.25);
        dev.candor.privacy.dp.BudgetLedger l = ledger;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> l.spend("analyst-key", "events", 0.5))
                .isInstanceOf(dev.candor.privacy.dp.BudgetLedger.BudgetExhaustedException.class);
        assertThat(ledger.remaining("analyst-key", "events")).isEqualTo(0.25);
        ledger.spend("analyst-key", "events", 0.25);
        assertThat(ledger.remaining("other-key", "events")).isEqualTo(1.0);
    }

    /** The exposure log contract of {@code core}, run on this storage. */
    @org.junit.jupiter.api.Nested
    class Exposures extends dev.candor.experiment.ExposureLogContract {
        @Override
        protected dev.candor.experiment.ExposureLog newLog() {
            return storage.exposures();
        }
    }

    private static dev.candor.experiment.Experiment experiment(String id, java.util.Set<String> surfaces) {
        return new dev.candor.experiment.Experiment(dev.candor.experiment.ExperimentId.of(id), "Curated vs hybrid \u2014 \"home\"",
                List.of(dev.candor.experiment.Variant.of("control", 2, dev.candor.experiment.Strategy.HYBRID),
                        new dev.candor.experiment.Variant("picks", 1.5, dev.candor.experiment.Strategy.HYBRID_PLUS_CURATED,
                                List.of("summer", "staff")),
                        dev.candor.experiment.Variant.of("plain", 1, dev.candor.experiment.Strategy.NON_PERSONAL_CONTROL)),
                List.of(dev.candor.experiment.Guardrail.withCeiling(dev.candor.experiment.ExperimentMetric.TOO_PERSONAL, 0.02),
                        dev.candor.experiment.Guardrail.versusControl(dev.candor.experiment.ExperimentMetric.OPT_OUT)),
                new dev.candor.experiment.Analysis(0.1, 0.02), T0, Optional.empty(), surfaces);
    }

    @Test
    void experimentsRoundTripExactly_stopByUpdate_andSurviveReopening() {
        var e = experiment("exp-1", Set.of("home", "product"));
        assertThat(storage.experiments().create(e)).isTrue();
        assertThat(storage.experiments().create(experiment("exp-1", Set.of()))).isFalse();
        assertThat(storage.experiments().get(e.id())).contains(e);
        var other = experiment("Exp-0", Set.of());
        storage.experiments().create(other);
        assertThat(storage.experiments().list()).containsExactly(other, e); // binary order: 'E' < 'e'
        var stopped = e.stoppedAt(T0.plusSeconds(60));
        storage.experiments().update(stopped);
        storage.close();
        storage = open();
        assertThat(storage.experiments().get(e.id())).contains(stopped);
        assertThat(storage.experiments().get(dev.candor.experiment.ExperimentId.of("nope"))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> storage.experiments().update(experiment("nope", Set.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exposureTotalsSurviveReopening() {
        var log = storage.exposures();
        var exp = dev.candor.experiment.ExperimentId.of("exp");
        log.recordImpression(new dev.candor.experiment.Impression("r-1", exp, "control", subject(1), T0));
        log.recordImpression(new dev.candor.experiment.Impression("r-2", exp, "treat", subject(2), T0));
        log.attribute("r-2", new dev.candor.experiment.Outcome.Conversion(T0.plusSeconds(1), Optional.of(12.5), Optional.of("sku")));
        var before = log.totals(exp);
        storage.close();
        storage = open();
        assertThat(storage.exposures().totals(exp)).isEqualTo(before);
        assertThat(storage.exposures().impression("r-1")).isPresent();
        assertThat(storage.exposures().attribute("r-2", new dev.candor.experiment.Outcome.Conversion(T0.plusSeconds(2), Optional.of(12.5),
                Optional.of("sku")))).isTrue();
        assertThat(storage.exposures().totals(exp)).isEqualTo(before); // the retry counted once
    }

    @Test
    void concurrentImpressionsAreAllDurable() throws Exception {
        var exp = dev.candor.experiment.ExperimentId.of("load");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                done.add(pool.submit(() -> storage.exposures().recordImpression(
                        new dev.candor.experiment.Impression("req-" + n, exp, n % 2 == 0 ? "a" : "b", subject(n % 50), T0.plusSeconds(n)))));
            }
            for (Future<Boolean> f : done) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        var t = storage.exposures().totals(exp);
        assertThat(t.get("a").impressions() + t.get("b").impressions()).isEqualTo(200);
        assertThat(t.get("a").subjects() + t.get("b").subjects()).isEqualTo(50);
    }

    @Test
    void collectionsReplaceListAndDelete() {
        var c = new dev.candor.model.CuratedCollection("summer", "Summer \u2600 picks; 'quoted' & <b>", List.of(ItemId.of("b"),
                ItemId.of("a"), ItemId.of("weird:id with spaces")), T0);
        storage.collections().put(c);
        assertThat(storage.collections().get("summer")).contains(c);
        var replaced = new dev.candor.model.CuratedCollection("summer", "Summer", List.of(ItemId.of("z")), T0.plusSeconds(1));
        storage.collections().put(replaced);
        storage.collections().put(new dev.candor.model.CuratedCollection("Autumn", "Autumn", List.of(ItemId.of("y")), T0));
        assertThat(storage.collections().list()).extracting(dev.candor.model.CuratedCollection::id).containsExactly("Autumn", "summer");
        storage.close();
        storage = open();
        assertThat(storage.collections().get("summer")).contains(replaced);
        assertThat(storage.collections().delete("summer")).isTrue();
        assertThat(storage.collections().delete("summer")).isFalse();
        assertThat(storage.collections().get("summer")).isEmpty();
    }

    @Test
    void monitorCountsAddUp_censusIsReplaced_andOldOnesAreDeleted() {
        var ms = storage.monitor();
        Instant h0 = Instant.parse("2026-03-01T10:00:00Z");
        Instant h1 = h0.plusSeconds(3600);
        var census1 = new dev.candor.monitor.BucketCounts.Census(10, Map.of(Purpose.PERSONALIZATION, 8L));
        var census2 = new dev.candor.monitor.BucketCounts.Census(11, Map.of(Purpose.PERSONALIZATION, 9L, Purpose.EXPERIMENTS, 2L));
        ms.addBuckets(List.of(new dev.candor.monitor.BucketCounts(h0, Map.of("items_served", 5L, "feedback.too_personal", 1L),
                List.of(120L), Optional.of(census1))));
        ms.addBuckets(List.of(new dev.candor.monitor.BucketCounts(h0, Map.of("items_served", 7L), List.of(80L), Optional.of(census2)),
                new dev.candor.monitor.BucketCounts(h1, Map.of("responses", 1L), List.of(), Optional.empty())));
        storage.close();
        storage = open();
        ms = storage.monitor();
        var b = ms.buckets(h0);
        assertThat(b).hasSize(2);
        assertThat(b.get(0).start()).isEqualTo(h0);
        assertThat(b.get(0).counters()).containsEntry("items_served", 12L).containsEntry("feedback.too_personal", 1L);
        assertThat(b.get(0).erasureMillis()).containsExactly(120L, 80L);
        assertThat(b.get(0).census()).contains(census2);
        assertThat(b.get(1).census()).isEmpty();
        assertThat(ms.buckets(h1)).hasSize(1);
        java.time.LocalDate d0 = java.time.LocalDate.of(2026, 3, 1);
        ms.addExposure(Map.of(d0, Map.of("a", 2L, "b", 1L)));
        ms.addExposure(Map.of(d0, Map.of("a", 3L), d0.plusDays(1), Map.of("c", 4L)));
        assertThat(ms.exposure(d0)).isEqualTo(Map.of(d0, Map.of("a", 5L, "b", 1L), d0.plusDays(1), Map.of("c", 4L)));
        ms.deleteBefore(h1, d0.plusDays(1));
        assertThat(ms.buckets(Instant.EPOCH)).extracting(dev.candor.monitor.BucketCounts::start).containsExactly(h1);
        assertThat(ms.exposure(java.time.LocalDate.EPOCH)).containsOnlyKeys(d0.plusDays(1));
    }
}
