package dev.candor.store;

import dev.candor.model.Event;
import dev.candor.model.SubjectId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Behavioural events. Thread-safe; concurrent appends may be committed together (group commit).
 */
public interface EventStore {
    /** Appends the events in one transaction. Durable on return: a crash after it returns loses none. */
    void append(List<Event> events);

    /** {@return the subject's events in id order} */
    List<Event> forSubject(SubjectId subject);

    Optional<Event> get(long eventId);

    /** Streams every event in id order. */
    void forEach(Consumer<Event> sink);

    /** Deletes one event of the subject. {@return whether it existed and belonged to the subject} */
    boolean delete(SubjectId subject, long eventId);

    /** Deletes every event of this type that happened before {@code cutoff} (retention). {@return the rows deleted} */
    long deleteOlderThan(dev.candor.model.EventType type, java.time.Instant cutoff);

    /** Deletes every event of the subject. {@return the rows deleted} */
    long deleteSubject(SubjectId subject);

    long count();

    /** {@return the largest event id stored, 0 when empty} */
    long maxId();
}
