package dev.candor.profile;

import dev.candor.model.Preferences;
import dev.candor.model.SubjectId;
import dev.candor.store.PreferenceStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stated preferences: a write-through cache over the {@link PreferenceStore}, loaded at start.
 * A change is durable before any request sees it. Thread-safe.
 */
public final class PreferenceService {
    private final PreferenceStore store;
    private final Map<SubjectId, Preferences> cache = new ConcurrentHashMap<>();

    public PreferenceService(PreferenceStore store) {
        this.store = store;
        store.forEach(cache::put);
    }

    /** {@return the subject's preferences; {@link Preferences#NONE} when never stated} */
    public Preferences get(SubjectId subject) {
        return cache.getOrDefault(subject, Preferences.NONE);
    }

    public void put(SubjectId subject, Preferences preferences) {
        store.put(subject, preferences);
        cache.put(subject, preferences);
    }

    /** Removes the subject's preferences from store and cache. {@return whether there were any} */
    public boolean delete(SubjectId subject) {
        boolean existed = store.delete(subject);
        cache.remove(subject);
        return existed;
    }
}
