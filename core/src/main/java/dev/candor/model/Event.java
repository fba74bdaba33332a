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
 * @param sealedText free-form text (e.g. a search query) encrypted under the person's data key, if any
 */
public record Event(long id, SubjectId subject, ItemId item, EventType type, double value, Instant timestamp,
                    Optional<String> session, Context context, Optional<byte[]> sealedText) {
    /** An event without free-form text. */
    public Event(long id, SubjectId subject, ItemId item, EventType type, double value, Instant timestamp,
                 Optional<String> session, Context context) {
        this(id, subject, item, type, value, timestamp, session, context, Optional.empty());
    }

    public Event {
        Objects.requireNonNull(sealedText, "sealedText");
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && id == e.id && subject.equals(e.subject) && item.equals(e.item) && type.equals(e.type)
                && Double.compare(value, e.value) == 0 && timestamp.equals(e.timestamp) && session.equals(e.session)
                && context.equals(e.context) && sealedText.isPresent() == e.sealedText.isPresent()
                && (sealedText.isEmpty() || java.util.Arrays.equals(sealedText.get(), e.sealedText.get()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, subject, item, type, value, timestamp, session, context);
    }
}
