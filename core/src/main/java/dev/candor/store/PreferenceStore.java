package dev.candor.store;

import dev.candor.model.Preferences;
import dev.candor.model.SubjectId;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Stated preferences. Thread-safe. */
public interface PreferenceStore {
    Optional<Preferences> get(SubjectId subject);

    /** Replaces the subject's preferences. Durable on return. */
    void put(SubjectId subject, Preferences preferences);

    /** {@return whether there was a row} */
    boolean delete(SubjectId subject);

    void forEach(BiConsumer<SubjectId, Preferences> sink);
}
