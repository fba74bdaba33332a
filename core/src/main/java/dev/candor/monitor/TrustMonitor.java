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
import java.util.LinkedHashMap;
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
 * erasure.
 *
 * <p>Persistence: {@link #drain()} hands out what changed since the last drain, for a store to add
 * to what it holds; {@link #load} adds stored buckets back at start-up. Holds counts only, never
 * ids. Thread-safe (synchronized).
 */
public final class TrustMonitor {
    /** Hourly buckets. */
    public static final Duration DEFAULT_BUCKET = Duration.ofHours(1);
    /** 30 days of hourly buckets. */
    public static final int DEFAULT_MAX_BUCKETS = 24 * 30;

    private static final int F = FeedbackSignal.values().length;
    private static final int D = DropReason.values().length;
    private static final int P = Purpose.values().length;
    private static final int RESPONSES = 0;
    private static final int SERVED = 1;
    private static final int EXPLAINED = 2;
    private static final int ACCEPTED = 3;
    private static final int REJECTED = 4;
    private static final int OPT_OUTS = 5;
    private static final int FEEDBACK = 6;
    private static final int DROPPED = FEEDBACK + F;
    private static final int SLOTS = DROPPED + D;

    /** The counter names of {@link BucketCounts#counters()}, by slot. */
    public static final List<String> COUNTERS = counterNames();

    private static List<String> counterNames() {
        String[] names = new String[SLOTS];
        names[RESPONSES] = "responses";
        names[SERVED] = "items_served";
        names[EXPLAINED] = "items_explained";
        names[ACCEPTED] = "events_accepted";
        names[REJECTED] = "events_rejected";
        names[OPT_OUTS] = "opt_outs";
        for (FeedbackSignal s : FeedbackSignal.values()) {
            names[FEEDBACK + s.ordinal()] = "feedback." + s.wireName();
        }
        for (DropReason r : DropReason.values()) {
            names[DROPPED + r.ordinal()] = "events_dropped." + r.wireName();
        }
        return List.of(names);
    }

    private static final class Bucket {
        final long[] c = new long[SLOTS];
        final List<Long> erasureMillis = new ArrayList<>();
        long known;
        long[] granted;

        boolean isEmpty() {
            return granted == null && erasureMillis.isEmpty() && Arrays.stream(c).allMatch(v -> v == 0);
        }
    }

    private final long bucketMillis;
    private final int maxBuckets;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    /** What changed since the last {@link #drain()}, by bucket. */
    private final TreeMap<Long, Bucket> pending = new TreeMap<>();
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

    /** {@return the length of one bucket} */
    public Duration bucket() {
        return Duration.ofMillis(bucketMillis);
    }

    /** {@return the start of the oldest bucket kept when the newest holds {@code now}} */
    public Instant oldestKept(Instant now) {
        return Instant.ofEpochMilli((Math.floorDiv(now.toEpochMilli(), bucketMillis) - maxBuckets + 1) * bucketMillis);
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
        snapshotCensus(at);
    }

    /** Credits the counters' growth since the previous sample to the bucket of {@code sample.at()}. */
    public synchronized void observe(CounterSample sample) {
        CounterSample prev = previous == null ? new CounterSample(sample.at(), 0, 0, 0, Map.of(), 0, Map.of(), 0) : previous;
        long[] d = new long[SLOTS];
        d[RESPONSES] = delta(sample.responses(), prev.responses());
        d[SERVED] = delta(sample.itemsServed(), prev.itemsServed());
        d[EXPLAINED] = delta(sample.itemsExplained(), prev.itemsExplained());
        for (FeedbackSignal s : FeedbackSignal.values()) {
            d[FEEDBACK + s.ordinal()] = delta(sample.feedback(s), prev.feedback(s));
        }
        d[ACCEPTED] = delta(sample.eventsAccepted(), prev.eventsAccepted());
        d[REJECTED] = delta(sample.eventsRejected(), prev.eventsRejected());
        for (DropReason r : DropReason.values()) {
            d[DROPPED + r.ordinal()] = delta(sample.dropped(r), prev.dropped(r));
        }
        add(sample.at(), d);
        previous = sample;
    }

    /** Updates the consent census; counts an opt-out when {@code after} withdraws a purpose {@code before} granted. */
    public synchronized void consentChanged(Instant at, ConsentState before, ConsentState after) {
        if (before.granted().stream().anyMatch(p -> !after.allows(p))) {
            long[] d = new long[SLOTS];
            d[OPT_OUTS] = 1;
            add(at, d);
        }
        apply(before, -1);
        apply(after, +1);
        snapshotCensus(at);
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
        long ms = Duration.between(requested, completed).toMillis();
        bucket(buckets, completed).erasureMillis.add(ms);
        bucket(pending, completed).erasureMillis.add(ms);
        apply(lastConsent, -1);
        snapshotCensus(completed);
    }

    /**
     * {@return what changed since the previous drain, one entry per changed bucket, oldest first}:
     * counters and latencies to add to what a store holds, and the census to replace.
     */
    public synchronized List<BucketCounts> drain() {
        List<BucketCounts> out = new ArrayList<>(pending.size());
        pending.forEach((index, b) -> {
            if (!b.isEmpty()) {
                out.add(counts(index, b));
            }
        });
        pending.clear();
        return out;
    }

    /**
     * Adds stored buckets (as a store accumulated them from {@link #drain()}) to this monitor, at
     * start-up. Not counted as pending. Buckets older than the monitor keeps are ignored.
     */
    public synchronized void load(List<BucketCounts> stored) {
        for (BucketCounts s : stored) {
            long index = Math.floorDiv(s.start().toEpochMilli(), bucketMillis);
            Bucket b = bucket(buckets, s.start());
            if (buckets.get(index) != b) {
                continue; // dropped at once: older than the buckets kept
            }
            for (int k = 0; k < SLOTS; k++) {
                b.c[k] += s.counters().getOrDefault(COUNTERS.get(k), 0L);
            }
            b.erasureMillis.addAll(s.erasureMillis());
            s.census().ifPresent(c -> {
                b.known = c.known();
                b.granted = new long[P];
                c.granted().forEach((p, n) -> b.granted[p.ordinal()] = n);
            });
        }
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
        long[] sum = new long[SLOTS];
        List<Long> erasures = new ArrayList<>();
        for (Bucket b : buckets.subMap(first, true, last, true).values()) {
            for (int k = 0; k < SLOTS; k++) {
                sum[k] += b.c[k];
            }
            erasures.addAll(b.erasureMillis);
        }
        Bucket census = null;
        for (Map.Entry<Long, Bucket> e = buckets.floorEntry(last); e != null; e = buckets.lowerEntry(e.getKey())) {
            if (e.getValue().granted != null) {
                census = e.getValue();
                break;
            }
        }
        long knownAtEnd = census == null ? 0 : census.known;
        Map<Purpose, Double> rates = new EnumMap<>(Purpose.class);
        if (knownAtEnd > 0) {
            for (Purpose p : Purpose.values()) {
                rates.put(p, census.granted[p.ordinal()] / (double) knownAtEnd);
            }
        }
        long complaints = sum[FEEDBACK + FeedbackSignal.TOO_PERSONAL.ordinal()] + sum[FEEDBACK + FeedbackSignal.NOT_INTERESTED.ordinal()];
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        long droppedTotal = 0;
        for (DropReason r : DropReason.values()) {
            dropped.put(r, sum[DROPPED + r.ordinal()]);
            droppedTotal += sum[DROPPED + r.ordinal()];
        }
        long[] lat = erasures.stream().mapToLong(Long::longValue).sorted().toArray();
        return new TrustMetrics(Instant.ofEpochMilli(first * bucketMillis), Instant.ofEpochMilli((last + 1) * bucketMillis),
                knownAtEnd, rates, sum[OPT_OUTS], ratio(sum[OPT_OUTS], knownAtEnd), sum[RESPONSES], sum[SERVED], sum[EXPLAINED],
                ratio(sum[EXPLAINED], sum[SERVED]), complaints, ratio(complaints, sum[SERVED]), lat.length,
                percentile(lat, 0.50), percentile(lat, 0.99), sum[ACCEPTED], dropped,
                ratio(droppedTotal, droppedTotal + sum[ACCEPTED]), sum[REJECTED],
                ratio(sum[REJECTED], sum[REJECTED] + droppedTotal + sum[ACCEPTED]));
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

    private void add(Instant at, long[] d) {
        long[] live = bucket(buckets, at).c;
        long[] unsaved = bucket(pending, at).c;
        for (int k = 0; k < SLOTS; k++) {
            live[k] += d[k];
            unsaved[k] += d[k];
        }
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

    private void snapshotCensus(Instant at) {
        for (Bucket b : List.of(bucket(buckets, at), bucket(pending, at))) {
            b.known = known;
            b.granted = Arrays.copyOf(granted, P);
        }
    }

    private BucketCounts counts(long index, Bucket b) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (int k = 0; k < SLOTS; k++) {
            if (b.c[k] != 0) {
                counters.put(COUNTERS.get(k), b.c[k]);
            }
        }
        Optional<BucketCounts.Census> census = Optional.empty();
        if (b.granted != null) {
            Map<Purpose, Long> g = new EnumMap<>(Purpose.class);
            for (Purpose p : Purpose.values()) {
                g.put(p, b.granted[p.ordinal()]);
            }
            census = Optional.of(new BucketCounts.Census(b.known, g));
        }
        return new BucketCounts(Instant.ofEpochMilli(index * bucketMillis), counters, b.erasureMillis, census);
    }

    private Bucket bucket(TreeMap<Long, Bucket> map, Instant at) {
        long index = Math.floorDiv(at.toEpochMilli(), bucketMillis);
        Bucket b = map.get(index);
        if (b != null) {
            return b;
        }
        b = new Bucket();
        if (map == pending) {
            map.put(index, b);
            return b;
        }
        Map.Entry<Long, Bucket> before = map.floorEntry(index);
        map.put(index, b);
        while (map.size() > maxBuckets) {
            Map.Entry<Long, Bucket> oldest = map.pollFirstEntry();
            carryCensus(oldest.getValue());
        }
        if (before == null && map.containsKey(index)) {
            b.known = known; // first bucket: the census holds from here on
            b.granted = Arrays.copyOf(granted, P);
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
