package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.consent.DropReason;
import dev.candor.model.ConsentState;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustMonitorTest {
    static final Instant H0 = Instant.parse("2026-06-01T00:00:00Z");

    static Instant at(int minutes) {
        return H0.plus(Duration.ofMinutes(minutes));
    }

    static CounterSample sample(int minute, long served, long explained, long tooPersonal, long notInterested,
                                long accepted, long noConsent) {
        return new CounterSample(at(minute), served / 5, served, explained,
                Map.of(FeedbackSignal.TOO_PERSONAL, tooPersonal, FeedbackSignal.NOT_INTERESTED, notInterested),
                accepted, Map.of(DropReason.NO_CONSENT, noConsent));
    }

    @Test
    void observe_cumulativeCounters_creditGrowthToHourlyBuckets() {
        TrustMonitor m = new TrustMonitor();
        m.observe(sample(10, 10, 8, 1, 1, 15, 5));
        m.observe(sample(90, 30, 28, 1, 1, 15, 5));
        m.observe(sample(130, 5, 5, 0, 0, 0, 0)); // the engine restarted: counters from zero
        List<TrustMetrics> s = m.series(H0, at(180));
        assertThat(s).hasSize(3);
        TrustMetrics h0 = s.get(0);
        assertThat(h0.from()).isEqualTo(H0);
        assertThat(h0.to()).isEqualTo(at(60));
        assertThat(h0.explanationCoverage()).contains(0.8);
        assertThat(h0.complaints()).isEqualTo(2);
        assertThat(h0.complaintRate()).contains(0.2);
        assertThat(h0.eventsDropped()).containsEntry(DropReason.NO_CONSENT, 5L);
        assertThat(h0.droppedShare()).contains(0.25);
        assertThat(s.get(1).itemsServed()).isEqualTo(20);
        assertThat(s.get(1).explanationCoverage()).contains(1.0);
        assertThat(s.get(1).complaintRate()).contains(0.0);
        assertThat(s.get(1).droppedShare()).isEmpty();
        assertThat(s.get(2).itemsServed()).isEqualTo(5);
        TrustMetrics all = m.window(H0, at(180));
        assertThat(all.itemsServed()).isEqualTo(35);
        assertThat(all.explanationCoverage().orElseThrow()).isEqualTo(33 / 35.0);
    }

    @Test
    void consentChanged_updatesCensusAndCountsOptOuts() {
        TrustMonitor m = new TrustMonitor();
        m.seedConsent(H0, 100, Map.of(Purpose.PERSONALIZATION, 60L, Purpose.EXPERIMENTS, 10L));
        ConsentState both = new ConsentState(Set.of(Purpose.PERSONALIZATION, Purpose.BEHAVIORAL), true, H0);
        ConsentState persOnly = new ConsentState(Set.of(Purpose.PERSONALIZATION), true, H0);
        m.consentChanged(at(20), both, persOnly); // withdrew behavioral: an opt-out (census: a known subject, so the
                                                 // seed already counted them; -both +persOnly)
        m.consentChanged(at(25), ConsentState.DEFAULT, persOnly); // a newcomer: +1 known, +1 personalization
        TrustMetrics h0 = m.series(H0, at(60)).getFirst();
        assertThat(h0.optOuts()).isEqualTo(1);
        assertThat(h0.subjectsWithConsent()).isEqualTo(101);
        assertThat(h0.consentRate().get(Purpose.PERSONALIZATION)).isEqualTo(61 / 101.0);
        assertThat(h0.consentRate().get(Purpose.EXPERIMENTS)).isEqualTo(10 / 101.0);
        assertThat(h0.optOutRate()).contains(1 / 101.0);
        // a later bucket without changes carries the census forward
        TrustMetrics h3 = m.series(at(180), at(240)).getFirst();
        assertThat(h3.subjectsWithConsent()).isEqualTo(101);
        assertThat(h3.optOuts()).isZero();
    }

    @Test
    void erasureCompleted_latencyPercentiles_nearestRank() {
        TrustMonitor m = new TrustMonitor();
        ConsentState c = new ConsentState(EnumSet.of(Purpose.PERSONALIZATION), true, H0);
        m.seedConsent(H0, 10, Map.of(Purpose.PERSONALIZATION, 10L));
        for (int s = 1; s <= 10; s++) {
            m.erasureCompleted(at(70), at(70).plusSeconds(s), c);
        }
        TrustMetrics h1 = m.series(at(60), at(120)).getFirst();
        assertThat(h1.erasures()).isEqualTo(10);
        assertThat(h1.erasureP50()).contains(Duration.ofSeconds(5)); // ⌈0.5·10⌉ = 5th
        assertThat(h1.erasureP99()).contains(Duration.ofSeconds(10)); // ⌈9.9⌉ = 10th
        assertThat(h1.subjectsWithConsent()).isZero();
        assertThat(h1.consentRate()).isEmpty();
    }

    @Test
    void buckets_beyondMax_oldestDropped() {
        TrustMonitor m = new TrustMonitor(Duration.ofHours(1), 2);
        m.observe(sample(10, 10, 10, 0, 0, 0, 0));
        m.observe(sample(70, 20, 20, 0, 0, 0, 0));
        m.observe(sample(130, 30, 30, 0, 0, 0, 0));
        assertThat(m.window(H0, at(180)).itemsServed()).isEqualTo(20);
    }

    @Test
    void drain_thenLoadIntoAFreshMonitor_givesTheSameMetrics() {
        TrustMonitor m = new TrustMonitor();
        m.seedConsent(H0, 10, Map.of(Purpose.PERSONALIZATION, 8L));
        m.observe(sample(10, 10, 10, 1, 0, 20, 2));
        ConsentState c = new ConsentState(EnumSet.of(Purpose.PERSONALIZATION), true, H0);
        m.consentChanged(at(30), c, ConsentState.DEFAULT.with(Map.of(Purpose.PERSONALIZATION, false), at(30)));
        List<BucketCounts> first = m.drain();
        assertThat(m.drain()).isEmpty(); // nothing new
        m.observe(sample(70, 25, 24, 1, 2, 30, 2));
        m.erasureCompleted(at(75), at(75).plusSeconds(3), c);
        List<BucketCounts> second = m.drain();
        TrustMonitor restored = new TrustMonitor();
        // a store adds counters and latencies and keeps the last census per bucket
        java.util.TreeMap<Instant, BucketCounts> store = new java.util.TreeMap<>();
        for (BucketCounts b : concat(first, second)) {
            store.merge(b.start(), b, (x, y) -> {
                Map<String, Long> sum = new java.util.TreeMap<>(x.counters());
                y.counters().forEach((k, v) -> sum.merge(k, v, Long::sum));
                List<Long> lat = new java.util.ArrayList<>(x.erasureMillis());
                lat.addAll(y.erasureMillis());
                return new BucketCounts(x.start(), sum, lat, y.census().or(x::census));
            });
        }
        restored.load(List.copyOf(store.values()));
        for (Instant from : List.of(H0, at(60))) {
            assertThat(restored.window(from, from.plus(Duration.ofHours(1))))
                    .isEqualTo(m.window(from, from.plus(Duration.ofHours(1))));
        }
        assertThat(restored.window(H0, at(120)).itemsServed()).isEqualTo(25);
        assertThat(restored.window(at(60), at(120)).erasureP50()).contains(Duration.ofSeconds(3));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
