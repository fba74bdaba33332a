package dev.candor.consent;

import dev.candor.model.ConsentChange;
import dev.candor.model.ConsentState;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.store.ConsentStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Current consent per subject: a write-through cache over the {@link ConsentStore}. Every
 * subject's state is loaded at start, so the ingest hot path never reads the database; a change is
 * durable in the store before the cache (and so any decision) sees it.
 *
 * <p>Thread-safe. Listeners are told about each change after it is durable (used to invalidate
 * derived state such as models).
 */
public final class ConsentService {
    private final ConsentStore store;
    private final InstantSource clock;
    private final ConsentState initial;
    private final Map<SubjectId, ConsentState> current = new ConcurrentHashMap<>();
    private final List<Consumer<SubjectId>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A service with the privacy-by-default consent. */
    public ConsentService(ConsentStore store, InstantSource clock) {
        this(store, clock, ConsentDefault.PRIVACY_BY_DEFAULT);
    }

    /** A service where subjects with no recorded consent have {@code initial}'s consent. */
    public ConsentService(ConsentStore store, InstantSource clock, ConsentDefault initial) {
        this.store = store;
        this.clock = clock;
        this.initial = initial.initial();
        store.forEachCurrent(current::put);
    }

    /** {@return the subject's consent now; the configured default ({@link ConsentState#DEFAULT}) when never recorded} */
    public ConsentState current(SubjectId subject) {
        return current.getOrDefault(subject, initial);
    }

    /**
     * Records a change (durably) and returns the new state. Purposes not named keep their value.
     *
     * @throws IllegalArgumentException when {@code changes} is empty
     */
    public synchronized ConsentState record(SubjectId subject, Map<Purpose, Boolean> changes, String source) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a consent change must name at least one purpose");
        }
        if (!current.containsKey(subject) && !initial.granted().isEmpty()) {
            // an opt-out default: the first recorded choice applies on top of what was assumed
            Map<Purpose, Boolean> full = new java.util.EnumMap<>(initial.asMap());
            full.putAll(changes);
            changes = full;
        }
        ConsentState next = store.record(subject, changes, clock.instant(), source);
        current.put(subject, next);
        listeners.forEach(l -> l.accept(subject));
        return next;
    }

    public List<ConsentChange> history(SubjectId subject) {
        return store.history(subject);
    }

    /** {@return the number of subjects with a recorded consent} */
    public int knownSubjects() {
        return current.size();
    }

    /** {@return how many known subjects grant {@code purpose} now} */
    public long granting(Purpose purpose) {
        return current.values().stream().filter(s -> s.allows(purpose)).count();
    }

    /**
     * {@return up to {@code limit} subjects with a recorded consent granting every purpose in
     * {@code purposes}, in pseudonym order} Pseudonyms are keyed hashes, so this is a uniform sample.
     */
    public List<SubjectId> sample(java.util.Set<Purpose> purposes, int limit) {
        return current.entrySet().stream().filter(e -> e.getValue().granted().containsAll(purposes)).map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparing(SubjectId::value)).limit(limit).toList();
    }

    /** Drops the cached state (after erasure). */
    public void forget(SubjectId subject) {
        current.remove(subject);
    }

    public void onChange(Consumer<SubjectId> listener) {
        listeners.add(listener);
    }
}
