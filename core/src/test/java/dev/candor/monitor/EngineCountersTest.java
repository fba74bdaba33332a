package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.consent.DropReason;
import dev.candor.engine.Engine;
import dev.candor.engine.EngineConfig;
import dev.candor.engine.EngineMetrics;
import dev.candor.ingest.RawEvent;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Item;
import dev.candor.model.Purpose;
import dev.candor.privacy.HmacPseudonymizer;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.testing.InMemoryStorage;
import dev.candor.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monitor fed from a real engine's counters, the way the wiring will do it. */
class EngineCountersTest {
    static CounterSample sample(Instant at, EngineMetrics m) {
        long responses = 0;
        for (PersonalizationLevel l : PersonalizationLevel.values()) {
            responses += m.recommendations(l);
        }
        Map<FeedbackSignal, Long> feedback = new EnumMap<>(FeedbackSignal.class);
        for (FeedbackSignal s : FeedbackSignal.values()) {
            feedback.put(s, m.feedback(s));
        }
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            dropped.put(r, m.eventsDropped(r));
        }
        return new CounterSample(at, responses, m.itemsServed(), m.itemsExplained(), feedback, m.eventsAccepted(), dropped);
    }

    @Test
    void engineCounters_giveCoverageDropsAndComplaints() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:05:00Z"));
        try (Engine engine = Engine.builder().storage(new InMemoryStorage()).pseudonymizer(new HmacPseudonymizer(key))
                .config(EngineConfig.defaults().withRetrainInterval(Duration.ZERO)).clock(clock).build()) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                items.add(Item.of("i" + i, "Item " + i, List.of("books")));
            }
            engine.putItems(items);
            engine.recordConsent(engine.pseudonymizer().subject("u1"), Map.of(Purpose.PERSONALIZATION, true, Purpose.BEHAVIORAL, true), "test");
            engine.ingest(List.of(RawEvent.of("u1", "i1", "view"), RawEvent.of("u1", "i2", "view"),
                    RawEvent.of("stranger", "i1", "view")));
            engine.retrain();
            var r = engine.recommend(RecommendationRequest.of(engine.pseudonymizer().subject("u1"), 4));
            engine.feedback(engine.pseudonymizer().subject("u1"), r.items().isEmpty() ? items.get(3).id()
                    : engine.catalog().item(r.items().getFirst().item()).id(), FeedbackSignal.TOO_PERSONAL, java.util.Optional.of(r.requestId()));
            TrustMonitor monitor = new TrustMonitor();
            monitor.observe(sample(clock.instant(), engine.metrics()));
            TrustMetrics t = monitor.series(Instant.parse("2026-06-01T10:00:00Z"), Instant.parse("2026-06-01T11:00:00Z")).getFirst();
            assertThat(t.itemsServed()).isEqualTo(r.items().size()).isPositive();
            assertThat(t.explanationCoverage()).contains(1.0); // every served item carries a reason
            assertThat(t.eventsAccepted()).isEqualTo(2);
            assertThat(t.eventsDropped()).containsEntry(DropReason.NO_CONSENT, 1L);
            assertThat(t.complaints()).isEqualTo(1);
        }
    }
}
