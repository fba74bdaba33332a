package dev.candor.monitor;

import dev.candor.model.Purpose;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one time bucket of a {@link TrustMonitor} holds, in a form a store can keep: named counters,
 * erasure latencies and, when the bucket has one, the consent census. {@link TrustMonitor#drain()}
 * returns the growth since the last drain (counters and latencies to add, the census to set);
 * {@link TrustMonitor#load} takes back what a store accumulated. Counts only; no ids.
 *
 * @param start         the bucket's start
 * @param counters      counter name → count (names: see {@link TrustMonitor#COUNTERS}); unknown names are ignored on load
 * @param erasureMillis erasure latencies completed in the bucket, in milliseconds
 * @param census        subjects with a recorded consent and how many grant each purpose, at the bucket's last change
 */
public record BucketCounts(Instant start, Map<String, Long> counters, List<Long> erasureMillis, Optional<Census> census) {
    /**
     * The consent census.
     *
     * @param known   subjects with a recorded consent
     * @param granted per purpose, how many of them grant it
     */
    public record Census(long known, Map<Purpose, Long> granted) {
        public Census {
            granted = granted.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(granted));
        }
    }

    public BucketCounts {
        Objects.requireNonNull(start, "start");
        counters = java.util.Collections.unmodifiableMap(new TreeMap<>(counters));
        erasureMillis = List.copyOf(erasureMillis);
        Objects.requireNonNull(census, "census");
    }
}
