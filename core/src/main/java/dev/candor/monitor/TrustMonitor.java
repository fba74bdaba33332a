package dev.candor.monitor;

import dev.candor.consent.DropReason;
import dev.candor.model.ConsentState;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps a time-bucketed series of trust metrics (default: hourly buckets, 30 days kept).
 *
 * <p>Inputs: {@link #observe} with the engine's cumulative counters, called periodically (each
 * sample's growth since the previous one is credited to the bucket of the sample's time; the
 * first sample is compared with zero, as the engine's counters start at zero; a counter that went
 * down is taken to have restarted); {@link #seedConsent} once at start-up with a census of stored
 * consents; {@link #consentChanged} on every consent change; {@link #erasureCompleted} after each
 * erasure. Holds counts only, never ids. Thread-safe (synchronized).
 */
public final class TrustMonitor {
    /** Hourly buckets. */
    public static final Duration DEFAULT_BUCKET = Duration.ofHours(1);
    /** 30 days of hourly buckets. */
    public static final int DEFAULT_MAX_BUCKETS = 24 * 30;

    private static final int F = FeedbackSignal.values().length;
    private static final int D = DropReason.values().length;
    private static final int P = Purpose.values().length;

    private static final class Bucket {
        long responses;
        long served;
        long explained;
        final long[] feedback = new long[F];
        long accepted;
        final long[] dropped = new long[D];
        long optOuts;
        final List<Long> erasureMillis = new ArrayList<>();
        long known;
        long[] granted;
    }

    private final long bucketMillis;
    private final int maxBuckets;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private CounterSample previous;
    private long known;
    private final long[] granted = new long[P];

    public TrustMonitor(Duration bucket, int maxBuckets) {
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.toMillis() < 1000) {
            throw new IllegalArgumentException("bucket must be >= 1 s. Provided value: " + bucket);
        }
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be >= 1. Provided value: " + maxBuckets);
        }
        this.bucketMillis = bucket.toMillis();
        this.maxBuckets = maxBuckets;
    }

    public TrustMonitor() {
        this(DEFAULT_BUCKET, DEFAULT_MAX_BUCKETS);
    }

    /**
     * Sets the consent census from stored data (at start-up).
     *
     * @param subjectsWithConsent subjects with a recorded consent
     * @param granted             per purpose, how many of them grant it
     */
    public synchronized void seedConsent(Instant at, long subjectsWithConsent, Map<Purpose, Long> granted) {
        if (subjectsWithConsent < 0) {
            throw new IllegalArgumentException("subjectsWithConsent must be >= 0. Provided value: " + subjectsWithConsent);
        }
        known = subjectsWithConsent;
        for (Purpose p : Purpose.values()) {
            long g = granted.getOrDefault(p, 0L);
            if (g < 0 || g > subjectsWithConsent) {
                throw new IllegalArgumentException("granted counts must be in [0, subjectsWithConsent]");
            }
            this.granted[p.ordinal()] = g;
        }
        snapshotCensus(bucket(at));
    }

    /** Credits the counters' growth since the previous sample to the bucket of {@code sample.at()}. */
    public synchronized void observe(CounterSample sample) {
        CounterSample prev = previous == null ? new CounterSample(sample.at(), 0, 0, 0, Map.of(), 0, Map.of()) : previous;
        Bucket b = bucket(sample.at());
        b.responses += delta(sample.responses(), prev.responses());
        b.served += delta(sample.itemsServed(), prev.itemsServed());
        b.explained += delta(sample.itemsExplained(), prev.itemsExplained());
        for (FeedbackSignal s : FeedbackSignal.values()) {
            b.feedback[s.ordinal()] += delta(sample.feedback(s), prev.feedback(s));
        }
        b.accepted += delta(sample.eventsAccepted(), prev.eventsAccepted());
        for (DropReason r : DropReason.values()) {
            b.dropped[r.ordinal()] += delta(sample.dropped(r), prev.dropped(r));
        }
        previous = sample;
    }

    /** Updates the consent census; counts an opt-out when {@code after} withdraws a purpose {@code before} granted. */
    public synchronized void consentChanged(Instant at, ConsentState before, ConsentState after) {
        Bucket b = bucket(at);
        if (before.granted().stream().anyMatch(p -> !after.allows(p))) {
            b.optOuts++;
        }
        apply(before, -1);
        apply(after, +1);
        snapshotCensus(b);
    }

    /**
     * Records an erasure: its latency, and the subject leaving the census.
     *
     * @param lastConsent the subject's consent before erasure
     */
    public synchronized void erasureCompleted(Instant requested, Instant completed, ConsentState lastConsent) {
        if (completed.isBefore(requested)) {
            throw new IllegalArgumentException("completed must not be before requested");
        }
        Bucket b = bucket(completed);
        b.erasureMillis.add(Duration.between(requested, completed).toMillis());
        apply(lastConsent, -1);
        snapshotCensus(b);
    }

    /** {@return one {@link TrustMetrics} per bucket overlapping [from, to), oldest first} */
    public synchronized List<TrustMetrics> series(Instant from, Instant to) {
        List<TrustMetrics> out = new ArrayList<>();
        long first = Math.floorDiv(from.toEpochMilli(), bucketMillis);
        long last = Math.floorDiv(to.toEpochMilli() - 1, bucketMillis);
        if (last - first > 100_000) {
            throw new IllegalArgumentException("at most 100000 buckets per series");
        }
        for (long i = first; i <= last; i++) {
            out.add(metrics(i, i));
        }
        return out;
    }

    /** {@return the metrics of every bucket overlapping [from, to) together} */
    public synchronized TrustMetrics window(Instant from, Instant to) {
        return metrics(Math.floorDiv(from.toEpochMilli(), bucketMillis), Math.floorDiv(to.toEpochMilli() - 1, bucketMillis));
    }

    private TrustMetrics metrics(long first, long last) {
        Bucket sum = new Bucket();
        Map.Entry<Long, Bucket> census = null;
        for (Map.Entry<Long, Bucket> e : buckets.subMap(first, true, last, true).entrySet()) {
            Bucket b = e.getValue();
            sum.responses += b.responses;
            sum.served += b.served;
            sum.explained += b.explained;
            for (int k = 0; k < F; k++) {
                sum.feedback[k] += b.feedback[k];
            }
            sum.accepted += b.accepted;
            for (int k = 0; k < D; k++) {
                sum.dropped[k] += b.dropped[k];
            }
            sum.optOuts += b.optOuts;
            sum.erasureMillis.addAll(b.erasureMillis);
        }
        for (Map.Entry<Long, Bucket> e = buckets.floorEntry(last); e != null; e = buckets.lowerEntry(e.getKey())) {
            if (e.getValue().granted != null) {
                census = e;
                break;
            }
        }
        long knownAtEnd = census == null ? 0 : census.getValue().known;
        Map<Purpose, Double> rates = new EnumMap<>(Purpose.class);
        if (knownAtEnd > 0) {
            for (Purpose p : Purpose.values()) {
                rates.put(p, census.getValue().granted[p.ordinal()] / (double) knownAtEnd);
            }
        }
        long complaints = sum.feedback[FeedbackSignal.TOO_PERSONAL.ordinal()] + sum.feedback[FeedbackSignal.NOT_INTERESTED.ordinal()];
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        long droppedTotal = 0;
        for (DropReason r : DropReason.values()) {
            dropped.put(r, sum.dropped[r.ordinal()]);
            droppedTotal += sum.dropped[r.ordinal()];
        }
        long[] lat = sum.erasureMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        return new TrustMetrics(Instant.ofEpochMilli(first * bucketMillis), Instant.ofEpochMilli((last + 1) * bucketMillis),
                knownAtEnd, rates, sum.optOuts, ratio(sum.optOuts, knownAtEnd), sum.responses, sum.served, sum.explained,
                ratio(sum.explained, sum.served), complaints, ratio(complaints, sum.served), lat.length,
                percentile(lat, 0.50), percentile(lat, 0.99), sum.accepted, dropped,
                ratio(droppedTotal, droppedTotal + sum.accepted));
    }

    /** {@return the nearest-rank percentile: the ⌈q·n⌉-th smallest latency} */
    static Optional<Duration> percentile(long[] sortedMillis, double q) {
        if (sortedMillis.length == 0) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(q * sortedMillis.length);
        return Optional.of(Duration.ofMillis(sortedMillis[Math.max(0, rank - 1)]));
    }

    private static Optional<Double> ratio(long num, long den) {
        return den == 0 ? Optional.empty() : Optional.of(num / (double) den);
    }

    private static long delta(long current, long previous) {
        return current >= previous ? current - previous : current;
    }

    private void apply(ConsentState state, int sign) {
        if (!state.known()) {
            return;
        }
        known = Math.max(0, known + sign);
        for (Purpose p : state.granted()) {
            granted[p.ordinal()] = Math.max(0, granted[p.ordinal()] + sign);
        }
    }

    private void snapshotCensus(Bucket b) {
        b.known = known;
        b.granted = Arrays.copyOf(granted, P);
    }

    private Bucket bucket(Instant at) {
        long index = Math.floorDiv(at.toEpochMilli(), bucketMillis);
        Bucket b = buckets.get(index);
        if (b == null) {
            b = new Bucket();
            Map.Entry<Long, Bucket> before = buckets.floorEntry(index);
            buckets.put(index, b);
            while (buckets.size() > maxBuckets) {
                Map.Entry<Long, Bucket> oldest = buckets.pollFirstEntry();
                carryCensus(oldest.getValue());
            }
            if (before == null) {
                snapshotCensus(b); // first bucket: the census holds from here on
            }
        }
        return b;
    }

    /** When the oldest bucket goes, its census moves to the next one if that has none. */
    private void carryCensus(Bucket dropped) {
        Map.Entry<Long, Bucket> next = buckets.firstEntry();
        if (next != null && next.getValue().granted == null && dropped.granted != null) {
            next.getValue().known = dropped.known;
            next.getValue().granted = dropped.granted;
        }
    }
}
