package dev.candor.store;

import dev.candor.monitor.BucketCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the monitors keep across restarts: trust-metric buckets and item exposure per day. Counts
 * only — no subject, no request id. Durable on return; thread-safe. Written as growth (deltas),
 * so several processes over one database add up instead of overwriting each other.
 */
public interface MonitorStore {
    /**
     * Adds each bucket's counters and erasure latencies to what is stored for its start, and
     * replaces the stored census when the delta carries one.
     */
    void addBuckets(List<BucketCounts> deltas);

    /** {@return every stored bucket starting at or after {@code from}, oldest first} */
    List<BucketCounts> buckets(Instant from);

    /** Adds exposure counts, per day and item id. */
    void addExposure(Map<LocalDate, Map<String, Long>> counts);

    /** {@return exposure per day and item id, for days on or after {@code from}} */
    Map<LocalDate, Map<String, Long>> exposure(LocalDate from);

    /** Deletes buckets starting before {@code bucketsBefore} and exposure of days before {@code daysBefore}. */
    void deleteBefore(Instant bucketsBefore, LocalDate daysBefore);
}
