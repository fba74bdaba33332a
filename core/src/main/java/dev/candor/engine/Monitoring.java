package dev.candor.engine;

import dev.candor.consent.ConsentService;
import dev.candor.consent.DropReason;
import dev.candor.model.ConsentState;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Purpose;
import dev.candor.monitor.BucketCounts;
import dev.candor.monitor.CounterSample;
import dev.candor.monitor.ExposureTally;
import dev.candor.monitor.TrustMetrics;
import dev.candor.monitor.TrustMonitor;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.store.MonitorStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's trust and exposure monitors, kept across restarts: a {@link TrustMonitor} fed from
 * {@link EngineMetrics} and the consent and erasure hooks, and an {@link ExposureTally} of served
 * items. {@link #flush()} (every minute, and on close) writes what changed to the
 * {@link MonitorStore}; a write that fails is retried at the next flush, so counts are not lost to
 * a short outage (they are lost only if the process dies before the next successful flush: at most
 * a minute of counts). Counts only; never ids. Thread-safe.
 */
public final class Monitoring {
    private static final System.Logger LOG = System.getLogger(Monitoring.class.getName());

    private final MonitorStore store;
    private final EngineMetrics metrics;
    private final InstantSource clock;
    private final TrustMonitor trust = new TrustMonitor();
    private final ExposureTally exposure = new ExposureTally();
    private final List<BucketCounts> unsavedBuckets = new ArrayList<>();
    private final Map<LocalDate, Map<String, Long>> unsavedExposure = new TreeMap<>();

    Monitoring(MonitorStore store, EngineMetrics metrics, ConsentService consents, InstantSource clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        Instant now = clock.instant();
        trust.load(store.buckets(trust.oldestKept(now)));
        LocalDate today = ExposureTally.day(now);
        exposure.load(store.exposure(today.minusDays(exposure.maxDays() - 1L)));
        Map<Purpose, Long> granted = new EnumMap<>(Purpose.class);
        for (Purpose p : Purpose.values()) {
            granted.put(p, consents.granting(p));
        }
        trust.seedConsent(now, consents.knownSubjects(), granted);
    }

    /** {@return the trust monitor (current up to the last {@link #sample()})} */
    public TrustMonitor trust() {
        return trust;
    }

    /** {@return the exposure tally} */
    public ExposureTally exposure() {
        return exposure;
    }

    /** Credits the engine counters' growth since the last sample to the current bucket. */
    public void sample() {
        trust.observe(counters(clock.instant(), metrics));
    }

    /** {@return the trust metrics of the buckets overlapping [from, to), with counters sampled now} */
    public TrustMetrics window(Instant from, Instant to) {
        sample();
        return trust.window(from, to);
    }

    /** {@return one metrics record per bucket overlapping [from, to), with counters sampled now} */
    public List<TrustMetrics> series(Instant from, Instant to) {
        sample();
        return trust.series(from, to);
    }

    void served(Instant at, List<String> items) {
        exposure.served(at, items);
    }

    void consentChanged(Instant at, ConsentState before, ConsentState after) {
        trust.consentChanged(at, before, after);
    }

    void erasureCompleted(Instant requested, Instant completed, ConsentState lastConsent) {
        trust.erasureCompleted(requested, completed, lastConsent);
    }

    /** Writes what changed since the last flush; keeps it for the next flush if the store fails. */
    public synchronized void flush() {
        sample();
        unsavedBuckets.addAll(trust.drain());
        exposure.drain().forEach((d, m) -> {
            Map<String, Long> day = unsavedExposure.computeIfAbsent(d, x -> new TreeMap<>());
            m.forEach((k, v) -> day.merge(k, v, Long::sum));
        });
        try {
            if (!unsavedBuckets.isEmpty()) {
                store.addBuckets(List.copyOf(unsavedBuckets));
                unsavedBuckets.clear();
            }
            if (!unsavedExposure.isEmpty()) {
                store.addExposure(Map.copyOf(unsavedExposure));
                unsavedExposure.clear();
            }
            Instant now = clock.instant();
            store.deleteBefore(trust.oldestKept(now), ExposureTally.day(now).minusDays(exposure.maxDays() - 1L));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "storing trust metrics failed; will retry: " + e.getClass().getSimpleName());
        }
    }

    /** {@return the engine's cumulative counters as a monitor sample} */
    static CounterSample counters(Instant at, EngineMetrics m) {
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
        return new CounterSample(at, responses, m.itemsServed(), m.itemsExplained(), feedback, m.eventsAccepted(), dropped,
                m.eventsRejected());
    }
}
