package dev.candor.store;

import dev.candor.model.ConsentChange;
import dev.candor.model.ConsentState;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Consent per subject and purpose, with its full history. Thread-safe. */
public interface ConsentStore {
    /**
     * Applies {@code changes} and appends one history row per purpose named, in one transaction.
     * Durable on return.
     *
     * @return the state after the change
     */
    ConsentState record(SubjectId subject, Map<Purpose, Boolean> changes, Instant at, String source);

    /** {@return the current state, empty when nothing was ever recorded (the default applies)} */
    Optional<ConsentState> current(SubjectId subject);

    /** {@return every change recorded for the subject, oldest first} */
    List<ConsentChange> history(SubjectId subject);

    /** Streams the current state of every subject that has one. */
    void forEachCurrent(BiConsumer<SubjectId, ConsentState> sink);

    /** Deletes the subject's consent rows and history. {@return the rows deleted} */
    long deleteSubject(SubjectId subject);
}
