package dev.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ingest.RawEvent;
import dev.candor.model.Intensity;
import dev.candor.model.ItemId;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.privacy.ErasureReceipt;
import dev.candor.profile.Interest;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.recommend.ScoredItem;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Erasure with exact unlearning, interest removal, event deletion. */
class ErasureTest {
    private static List<String> recs(EngineFixture f, String user) {
        return f.engine.recommend(RecommendationRequest.of(f.subject(user), 10)).items().stream()
                .map((ScoredItem i) -> f.engine.catalog().item(i.item()).id().value() + "@" + i.score()).toList();
    }

    private static void erin(EngineFixture f) {
        f.grant("erin", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        // an unusual bridge between genres: only erin links a-items with d-items
        f.engine.ingest(List.of(RawEvent.of("erin", "a1", "view"), RawEvent.of("erin", "d1", "view"), RawEvent.of("erin", "a2", "purchase"),
                RawEvent.of("erin", "d2", "like")));
        f.engine.putPreferences(f.subject("erin"), new Preferences(Set.of("drama"), Set.of(), Intensity.HIGH, Set.of(), Instant.EPOCH));
        f.engine.feedback(f.subject("erin"), ItemId.of("a3"), dev.candor.model.FeedbackSignal.NOT_INTERESTED, java.util.Optional.empty());
        f.engine.retrain();
    }

    @Test
    void erasure_removesEverything_andEveryoneElseGetsWhatAModelWithoutThemGives() {
        EngineFixture withErin = new EngineFixture();
        erin(withErin);
        EngineFixture neverErin = new EngineFixture();
        neverErin.engine.retrain();
        List<String> others = List.of("user-0", "user-1", "user-7", "stranger");
        assertThat(others.stream().map(u -> recs(withErin, u)).toList())
                .as("erin's data does influence others before erasure").isNotEqualTo(others.stream().map(u -> recs(neverErin, u)).toList());

        ErasureReceipt receipt = withErin.engine.erase(withErin.subject("erin"));

        assertThat(receipt.removed()).containsEntry("events", 4L).containsEntry("preferences", 1L).containsEntry("feedback", 1L)
                .containsEntry("consent_rows", 3L).containsEntry("index_entries", 4L);
        assertThat(receipt.hash()).hasSize(64).isEqualTo(receipt.hash());
        assertThat(receipt.models()).extracting(ErasureReceipt.ModelUnlearning::method).allMatch(m -> m.startsWith("exact"));
        assertThat(withErin.storage.events().forSubject(withErin.subject("erin"))).isEmpty();
        assertThat(withErin.storage.consents().current(withErin.subject("erin"))).isEmpty();
        assertThat(withErin.storage.consents().history(withErin.subject("erin"))).isEmpty();
        assertThat(withErin.storage.preferences().get(withErin.subject("erin"))).isEmpty();
        assertThat(withErin.storage.feedback().forSubject(withErin.subject("erin"))).isEmpty();
        assertThat(withErin.engine.index().subjectIds()).doesNotContain(withErin.subject("erin"));
        assertThat(withErin.engine.consent(withErin.subject("erin")).known()).isFalse();
        for (String u : others) {
            assertThat(recs(withErin, u)).as(u).isEqualTo(recs(neverErin, u));
        }
        // events sent after erasure are dropped: the erased subject has granted nothing
        assertThat(withErin.engine.ingest(List.of(RawEvent.of("erin", "a1", "view"))).accepted()).isZero();
    }

    @Test
    void concurrentErasures_eachReturnAfterARefitWithoutThem_andShareRefits() throws Exception {
        EngineFixture withThem = new EngineFixture();
        List<String> erased = List.of("erin", "eli", "ema", "eve", "ezra", "elo");
        for (String u : erased) {
            withThem.grant(u, Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
            withThem.engine.ingest(List.of(RawEvent.of(u, "a1", "view"), RawEvent.of(u, "d1", "view"), RawEvent.of(u, "d2", "like")));
        }
        withThem.engine.retrain();
        EngineFixture neverThem = new EngineFixture();
        neverThem.engine.retrain();
        long trainingsBefore = withThem.engine.metrics().trainings();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(erased.size())) {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ErasureReceipt>> receipts = new java.util.ArrayList<>();
            for (String u : erased) {
                receipts.add(pool.submit(() -> {
                    start.await();
                    return withThem.engine.erase(withThem.subject(u));
                }));
            }
            start.countDown();
            for (var r : receipts) {
                assertThat(r.get(60, java.util.concurrent.TimeUnit.SECONDS).removed()).containsEntry("events", 3L);
            }
        }
        assertThat(withThem.engine.metrics().trainings() - trainingsBefore)
                .as("at least one refit, never more than one per erasure (sharing itself: RefitCoalescerTest)").isBetween(1L, (long) erased.size());
        for (String u : List.of("user-0", "user-1", "user-7", "stranger")) {
            assertThat(recs(withThem, u)).as(u).isEqualTo(recs(neverThem, u));
        }
    }

    @Test
    void interests_showTheirEvidence_andRemovingOneStopsItsInfluence() {
        EngineFixture f = new EngineFixture();
        f.grant("ivo", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        f.engine.ingest(List.of(RawEvent.of("ivo", "a1", "view"), RawEvent.of("ivo", "a2", "view"), RawEvent.of("ivo", "d1", "purchase")));
        List<Interest> interests = f.engine.interests(f.subject("ivo"));
        assertThat(interests).extracting(Interest::category).containsExactly("drama", "action"); // purchase weighs 3, two views 2
        assertThat(interests.getFirst().evidence()).singleElement().satisfies(e -> {
            assertThat(e.item()).isEqualTo("d1");
            assertThat(e.type()).isEqualTo("purchase");
        });
        assertThat(interests.stream().mapToDouble(Interest::share).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(recs(f, "ivo")).anyMatch(id -> id.startsWith("d"));

        f.engine.removeInterest(f.subject("ivo"), "Drama");
        assertThat(f.engine.interests(f.subject("ivo"))).extracting(Interest::category).containsExactly("action");
        assertThat(recs(f, "ivo")).noneMatch(id -> id.startsWith("d"));
    }

    @Test
    void deletingAnEvent_removesItFromStoreAndIndex_andOnlyForItsOwner() {
        EngineFixture f = new EngineFixture();
        f.grant("dee", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        f.engine.ingest(List.of(RawEvent.of("dee", "a1", "view"), RawEvent.of("dee", "d1", "view")));
        long id = f.engine.events(f.subject("dee")).getFirst().id();
        assertThat(f.engine.deleteEvent(f.subject("user-1"), id)).isFalse();
        assertThat(f.engine.deleteEvent(f.subject("dee"), id)).isTrue();
        assertThat(f.engine.events(f.subject("dee"))).hasSize(1);
        assertThat(f.engine.index().history(f.subject("dee")).size()).isEqualTo(1);
    }

    @Test
    void retention_deletesExpiredEventsFromStoreAndIndex_keepsTheRest_andAuditsTheSweep() {
        EngineFixture f = new EngineFixture();
        f.grant("rex", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        Instant now = f.clock.instant();
        f.engine.ingest(List.of(
                new RawEvent("rex", "a1", "view", java.util.OptionalDouble.empty(), java.util.Optional.of(now.minus(java.time.Duration.ofDays(400))),
                        java.util.Optional.empty(), dev.candor.ingest.RawContext.NONE),
                new RawEvent("rex", "a2", "view", java.util.OptionalDouble.empty(), java.util.Optional.of(now.minus(java.time.Duration.ofDays(10))),
                        java.util.Optional.empty(), dev.candor.ingest.RawContext.NONE),
                new RawEvent("rex", "a3", "purchase", java.util.OptionalDouble.empty(), java.util.Optional.of(now.minus(java.time.Duration.ofDays(900))),
                        java.util.Optional.empty(), dev.candor.ingest.RawContext.NONE)));
        assertThat(f.engine.events(f.subject("rex"))).hasSize(3);
        var swept = f.engine.sweepRetention();
        assertThat(swept).containsEntry("view", 1L);
        assertThat(f.engine.events(f.subject("rex"))).extracting(e -> e.item().value()).containsExactlyInAnyOrder("a2", "a3");
        assertThat(f.engine.index().history(f.subject("rex")).size()).isEqualTo(2);
        assertThat(f.engine.audit().list(0, 1000)).anyMatch(e -> e.action().equals("retention.sweep"));
        assertThat(f.engine.sweepRetention()).isEmpty();
    }

    @Test
    void freeFormText_isStoredEncrypted_readableByItsOwner_andShreddedByErasure() {
        EngineFixture f = new EngineFixture();
        f.grant("sam", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        f.engine.ingest(List.of(new RawEvent("sam", "a1", "search", java.util.OptionalDouble.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), dev.candor.ingest.RawContext.NONE, java.util.Optional.of("gifts for my diabetic dad"))));
        var stored = f.storage.events().forSubject(f.subject("sam")).getFirst();
        assertThat(new String(stored.sealedText().orElseThrow(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("diabetic");
        assertThat(f.engine.text(stored)).contains("gifts for my diabetic dad");
        ErasureReceipt r = f.engine.erase(f.subject("sam"));
        assertThat(r.removed()).containsEntry("data_keys", 1L);
        assertThat(f.engine.text(stored)).as("a copy of the row (a backup) can no longer be read").isEmpty();
    }

    @Test
    void aBatchInFlightWhenTheErasureStarts_isCommittedBeforeTheDeletionsOrNotAtAll() throws Exception {
        EngineFixture f = new EngineFixture();
        f.grant("erin", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        var parked = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        f.storage.beforeAppend = () -> {
            parked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            // the batch has passed its consent check and waits at the store's append
            var ingest = pool.submit(() -> f.engine.ingest(List.of(RawEvent.of("erin", "a1", "view"), RawEvent.of("erin", "d1", "like"))));
            assertThat(parked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            f.storage.beforeAppend = () -> { };
            Thread[] eraser = new Thread[1];
            var erase = pool.submit(() -> {
                eraser[0] = Thread.currentThread();
                return f.engine.erase(f.subject("erin"));
            });
            // let the erasure run as far as it can: to the gate, or (without one) through its deletions
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && f.storage.consents().current(f.subject("erin")).isPresent()
                    && (eraser[0] == null || eraser[0].getState() != Thread.State.WAITING)) {
                Thread.sleep(5);
            }
            release.countDown();
            assertThat(ingest.get(30, java.util.concurrent.TimeUnit.SECONDS).accepted()).isEqualTo(2);
            ErasureReceipt receipt = erase.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(receipt.removed()).containsEntry("events", 2L);
        }
        assertThat(f.storage.events().forSubject(f.subject("erin"))).isEmpty();
        assertThat(f.engine.index().subjectIds()).doesNotContain(f.subject("erin"));
    }
}
