package dev.candor.engine;

import dev.candor.consent.DropReason;
import dev.candor.model.FeedbackSignal;
import dev.candor.recommend.PersonalizationLevel;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters the engine keeps for operators (exported by the server as Prometheus metrics). Counts
 * only; never ids. Thread-safe.
 */
public final class EngineMetrics {
    final LongAdder eventsAccepted = new LongAdder();
    final LongAdder eventsRejected = new LongAdder();
    final Map<DropReason, LongAdder> eventsDropped = adders(DropReason.class);
    final Map<PersonalizationLevel, LongAdder> recommendations = adders(PersonalizationLevel.class);
    final LongAdder itemsServed = new LongAdder();
    final LongAdder itemsExplained = new LongAdder();
    final Map<FeedbackSignal, LongAdder> feedback = adders(FeedbackSignal.class);
    final LongAdder consentChanges = new LongAdder();
    final LongAdder trainings = new LongAdder();
    final LongAdder erasures = new LongAdder();
    volatile long lastTrainingMillis;

    private static <E extends Enum<E>> Map<E, LongAdder> adders(Class<E> type) {
        Map<E, LongAdder> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, new LongAdder());
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public long eventsAccepted() {
        return eventsAccepted.sum();
    }

    public long eventsRejected() {
        return eventsRejected.sum();
    }

    public long eventsDropped(DropReason reason) {
        return eventsDropped.get(reason).sum();
    }

    public long recommendations(PersonalizationLevel level) {
        return recommendations.get(level).sum();
    }

    public long itemsServed() {
        return itemsServed.sum();
    }

    /** {@return items served with at least one reason (explanation coverage numerator)} */
    public long itemsExplained() {
        return itemsExplained.sum();
    }

    public long feedback(FeedbackSignal signal) {
        return feedback.get(signal).sum();
    }

    public long consentChanges() {
        return consentChanges.sum();
    }

    public long erasures() {
        return erasures.sum();
    }

    public long trainings() {
        return trainings.sum();
    }

    public long lastTrainingMillis() {
        return lastTrainingMillis;
    }
}
