package dev.candor.server;

import dev.candor.consent.DropReason;
import dev.candor.engine.Engine;
import dev.candor.engine.EngineMetrics;
import dev.candor.model.FeedbackSignal;
import dev.candor.monitor.CounterSample;
import dev.candor.monitor.TrustMetrics;
import dev.candor.monitor.TrustMonitor;
import dev.candor.recommend.PersonalizationLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Recommendation traffic over time since this server started (responses and items served per
 * hour, 90 days kept), for the console's overview. Reads the engine's cumulative counters every
 * {@code every} and on each {@link #series} call, and credits the growth to the hour it was seen in
 * (a {@link TrustMonitor} keeps the buckets). Counts only, never ids. Thread-safe. In memory: a
 * restart starts a new series, and {@link #since()} says when this one began.
 */
public final class TrafficSeries implements AutoCloseable {
    /** How long hourly buckets are kept. */
    public static final int MAX_HOURS = 24 * 90;

    private final Engine engine;
    private final TrustMonitor monitor = new TrustMonitor(Duration.ofHours(1), MAX_HOURS);
    private final Instant since;
    private final ScheduledExecutorService timer;

    TrafficSeries(Engine engine, Duration every) {
        this.engine = engine;
        this.since = engine.clock().instant();
        sample();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "candor-traffic");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sampleQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@return when counting began (the server's start)} */
    public Instant since() {
        return since;
    }

    /** {@return one entry per hour overlapping [from, to), oldest first, after reading the counters now} */
    public List<TrustMetrics> series(Instant from, Instant to) {
        sample();
        return monitor.series(from, to);
    }

    private void sample() {
        monitor.observe(sampleOf(engine.metrics(), engine.clock().instant()));
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            System.getLogger(TrafficSeries.class.getName()).log(System.Logger.Level.WARNING,
                    "reading traffic counters failed: " + SafeLog.describe(e));
        }
    }

    /** {@return the engine's counters as a {@link CounterSample} at {@code at}} */
    static CounterSample sampleOf(EngineMetrics m, Instant at) {
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
        // read items served after items explained, so that explained <= served holds under concurrent serving
        long explained = m.itemsExplained();
        long served = Math.max(m.itemsServed(), explained);
        return new CounterSample(at, responses, served, explained, feedback, m.eventsAccepted(), dropped);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
