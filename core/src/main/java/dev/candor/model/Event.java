package dev.candor.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored behavioural event, after pseudonymization, the consent gate and minimization.
 *
 * @param id        engine-assigned, unique and increasing in ingest order
 * @param subject   the pseudonymous subject
 * @param item      the item acted on
 * @param type      what the subject did
 * @param value     the event's value (a rating, a quantity); 1 when the client sent none
 * @param timestamp when it happened (client time, or ingest time when absent)
 * @param session   the pseudonymized session key, if the client sent a session
 * @param context   coarse context, empty unless the subject granted {@link Purpose#CONTEXT}
 */
public record Event(long id, SubjectId subject, ItemId item, EventType type, double value, Instant timestamp,
                    Optional<String> session, Context context) {
    public Event {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(context, "context");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("event value must be finite");
        }
    }
}
