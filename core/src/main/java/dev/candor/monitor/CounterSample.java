package dev.candor.monitor;

import dev.candor.consent.DropReason;
import dev.candor.model.FeedbackSignal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's cumulative counters at one instant, as {@code EngineMetrics} holds them (the wiring
 * copies them: {@code responses} is the sum of {@code recommendations(level)} over levels, the
 * rest map one to one). Counters only grow, except that they restart at zero with the process.
 *
 * @param at             when the counters were read
 * @param responses      recommendation responses served
 * @param itemsServed    items in those responses
 * @param itemsExplained items served with at least one reason
 * @param feedback       feedback received, per signal (missing signals count 0)
 * @param eventsAccepted events stored
 * @param eventsDropped  events dropped by the consent gate, per reason (missing reasons count 0)
 * @param eventsRejected event rows rejected as invalid
 */
public record CounterSample(Instant at, long responses, long itemsServed, long itemsExplained,
                            Map<FeedbackSignal, Long> feedback, long eventsAccepted, Map<DropReason, Long> eventsDropped,
                            long eventsRejected) {
    /** A sample without rejected rows. */
    public CounterSample(Instant at, long responses, long itemsServed, long itemsExplained,
                         Map<FeedbackSignal, Long> feedback, long eventsAccepted, Map<DropReason, Long> eventsDropped) {
        this(at, responses, itemsServed, itemsExplained, feedback, eventsAccepted, eventsDropped, 0);
    }

    public CounterSample {
        Objects.requireNonNull(at, "at");
        feedback = complete(FeedbackSignal.class, feedback);
        eventsDropped = complete(DropReason.class, eventsDropped);
        if (responses < 0 || itemsServed < 0 || itemsExplained < 0 || itemsExplained > itemsServed || eventsAccepted < 0
                || eventsRejected < 0) {
            throw new IllegalArgumentException("counters must be >= 0 and itemsExplained <= itemsServed");
        }
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Class<E> type, Map<E, Long> given) {
        Map<E, Long> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            long v = given.getOrDefault(e, 0L);
            if (v < 0) {
                throw new IllegalArgumentException("counters must be >= 0");
            }
            m.put(e, v);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public long feedback(FeedbackSignal signal) {
        return feedback.get(signal);
    }

    public long dropped(DropReason reason) {
        return eventsDropped.get(reason);
    }
}
