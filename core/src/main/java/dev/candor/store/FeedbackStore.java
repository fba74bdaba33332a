package dev.candor.store;

import dev.candor.model.Feedback;
import dev.candor.model.SubjectId;
import java.util.List;
import java.util.function.Consumer;

/** Explicit feedback. Thread-safe. */
public interface FeedbackStore {
    /** Durable on return. */
    void append(Feedback feedback);

    List<Feedback> forSubject(SubjectId subject);

    void forEach(Consumer<Feedback> sink);

    long deleteSubject(SubjectId subject);

    long maxId();
}
