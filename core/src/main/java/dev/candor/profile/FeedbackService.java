package dev.candor.profile;

import dev.candor.model.Feedback;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Intensity;
import dev.candor.model.Preferences;
import dev.candor.model.SubjectId;
import dev.candor.store.FeedbackStore;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Explicit feedback and its effects, all on the next request:
 * {@code not_interested} hides the item and removes it from the subject's evidence;
 * {@code not_me} removes the item from the subject's evidence; {@code too_personal} lowers the
 * subject's intensity one step. Feedback is the subject exercising control, so it is kept
 * whatever their consent (it is needed to honour the request) and erased with them.
 *
 * <p>Thread-safe. The in-memory sets are loaded from the store at start.
 */
public final class FeedbackService {
    private final FeedbackStore store;
    private final PreferenceService preferences;
    private final InstantSource clock;
    private final ToIntFunction<dev.candor.model.ItemId> itemIndex;
    private final Map<SubjectId, Set<Integer>> notInterested = new ConcurrentHashMap<>();
    private final Map<SubjectId, Set<Integer>> notMe = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong ids;

    /** @param itemIndex the catalog index of an item id, or -1 when unknown */
    public FeedbackService(FeedbackStore store, PreferenceService preferences, InstantSource clock,
                           ToIntFunction<dev.candor.model.ItemId> itemIndex) {
        this.store = store;
        this.preferences = preferences;
        this.clock = clock;
        this.itemIndex = itemIndex;
        this.ids = new java.util.concurrent.atomic.AtomicLong(store.maxId());
        store.forEach(this::apply);
    }

    /** Records feedback durably, then applies it. {@return the stored feedback} */
    public Feedback record(SubjectId subject, dev.candor.model.ItemId item, FeedbackSignal signal,
                           java.util.Optional<String> requestId) {
        Feedback f = new Feedback(ids.incrementAndGet(), subject, item, signal, clock.instant(), requestId);
        store.append(f);
        apply(f);
        if (signal == FeedbackSignal.TOO_PERSONAL) {
            Preferences p = preferences.get(subject);
            preferences.put(subject, p.withIntensity(p.intensity() == Intensity.OFF ? Intensity.OFF : p.intensity().lower(), clock.instant()));
        }
        return f;
    }

    private void apply(Feedback f) {
        int i = itemIndex.applyAsInt(f.item());
        if (i < 0) {
            return;
        }
        switch (f.signal()) {
            case NOT_INTERESTED -> notInterested.computeIfAbsent(f.subject(), s -> ConcurrentHashMap.newKeySet()).add(i);
            case NOT_ME -> notMe.computeIfAbsent(f.subject(), s -> ConcurrentHashMap.newKeySet()).add(i);
            default -> {
            }
        }
    }

    public Set<Integer> notInterested(SubjectId subject) {
        return notInterested.getOrDefault(subject, Set.of());
    }

    public Set<Integer> notMe(SubjectId subject) {
        return notMe.getOrDefault(subject, Set.of());
    }

    /** Forgets the subject's feedback in memory (the caller erases the store rows). */
    public void forget(SubjectId subject) {
        notInterested.remove(subject);
        notMe.remove(subject);
    }
}
