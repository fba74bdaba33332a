package dev.candor.monitor;

import dev.candor.consent.DropReason;
import dev.candor.model.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trust metrics over one time window {@code [from, to)}. A rate is empty when its denominator is 0.
 *
 * @param from                 window start (inclusive)
 * @param to                   window end (exclusive)
 * @param subjectsWithConsent  subjects with a recorded consent at the window's end
 * @param consentRate          per purpose: share of those subjects granting it at the window's end
 * @param optOuts              consent changes in the window that withdrew at least one purpose
 * @param optOutRate           optOuts / subjectsWithConsent
 * @param responses            recommendation responses served in the window
 * @param itemsServed          items served in the window
 * @param itemsExplained       items served with at least one reason
 * @param explanationCoverage  itemsExplained / itemsServed
 * @param complaints           "too personal" plus "not interested" feedback in the window
 * @param complaintRate        complaints / itemsServed (per item impression)
 * @param erasures             erasures completed in the window
 * @param erasureP50           median erasure latency (request to receipt), nearest rank
 * @param erasureP99           99th percentile erasure latency, nearest rank
 * @param eventsAccepted       events stored in the window
 * @param eventsDropped        events dropped for missing consent in the window, per reason
 * @param droppedShare         dropped / (dropped + accepted)
 * @param eventsRejected       event rows rejected as invalid in the window
 * @param rejectedShare        rejected / (rejected + dropped + accepted): the share of rows offered that were malformed
 */
public record TrustMetrics(Instant from, Instant to, long subjectsWithConsent, Map<Purpose, Double> consentRate,
                           long optOuts, Optional<Double> optOutRate, long responses, long itemsServed,
                           long itemsExplained, Optional<Double> explanationCoverage, long complaints,
                           Optional<Double> complaintRate, long erasures, Optional<Duration> erasureP50,
                           Optional<Duration> erasureP99, long eventsAccepted, Map<DropReason, Long> eventsDropped,
                           Optional<Double> droppedShare, long eventsRejected, Optional<Double> rejectedShare) {
    /** Metrics without rejected-row counts. */
    public TrustMetrics(Instant from, Instant to, long subjectsWithConsent, Map<Purpose, Double> consentRate,
                        long optOuts, Optional<Double> optOutRate, long responses, long itemsServed,
                        long itemsExplained, Optional<Double> explanationCoverage, long complaints,
                        Optional<Double> complaintRate, long erasures, Optional<Duration> erasureP50,
                        Optional<Duration> erasureP99, long eventsAccepted, Map<DropReason, Long> eventsDropped,
                        Optional<Double> droppedShare) {
        this(from, to, subjectsWithConsent, consentRate, optOuts, optOutRate, responses, itemsServed, itemsExplained,
                explanationCoverage, complaints, complaintRate, erasures, erasureP50, erasureP99, eventsAccepted, eventsDropped,
                droppedShare, 0, Optional.empty());
    }

    public TrustMetrics {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        consentRate = consentRate.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(consentRate));
        Objects.requireNonNull(optOutRate, "optOutRate");
        Objects.requireNonNull(explanationCoverage, "explanationCoverage");
        Objects.requireNonNull(complaintRate, "complaintRate");
        Objects.requireNonNull(erasureP50, "erasureP50");
        Objects.requireNonNull(erasureP99, "erasureP99");
        eventsDropped = eventsDropped.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(eventsDropped));
        Objects.requireNonNull(droppedShare, "droppedShare");
        Objects.requireNonNull(rejectedShare, "rejectedShare");
    }

    /** {@return events dropped for missing consent, all reasons} */
    public long eventsDroppedTotal() {
        return eventsDropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
