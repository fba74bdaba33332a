package dev.candor.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An event as the edge received it: JSON types already checked, semantics not yet. Holds the raw
 * user id, so it must never be logged or stored; {@link #toString()} hides it.
 *
 * @param user      the host application's user id (raw)
 * @param item      the item id
 * @param type      the event type
 * @param value     the value, if sent
 * @param timestamp when it happened, if sent
 * @param session   the raw session id, if sent
 * @param context   the context fields, if sent
 * @param text      free-form text (e.g. a search query), if sent; stored encrypted
 * @param requestId the request id of the recommendation response this event follows, if sent: a
 *                  {@code click} or {@code purchase} is then credited to that response in experiments
 *                  (never stored with the event)
 * @param revenue   for a {@code purchase} with a request id, its revenue ≥ 0, if sent (experiments only)
 */
public record RawEvent(String user, String item, String type, OptionalDouble value, Optional<Instant> timestamp,
                       Optional<String> session, RawContext context, Optional<String> text, Optional<String> requestId,
                       OptionalDouble revenue) {
    /** The longest free-form text accepted. */
    public static final int MAX_TEXT = 1000;
    /** The largest revenue accepted. */
    public static final double MAX_REVENUE = 1e9;

    public RawEvent(String user, String item, String type, OptionalDouble value, Optional<Instant> timestamp,
                    Optional<String> session, RawContext context, Optional<String> text) {
        this(user, item, type, value, timestamp, session, context, text, Optional.empty(), OptionalDouble.empty());
    }

    public RawEvent(String user, String item, String type, OptionalDouble value, Optional<Instant> timestamp,
                    Optional<String> session, RawContext context) {
        this(user, item, type, value, timestamp, session, context, Optional.empty());
    }

    public RawEvent {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(context, "context");
    }

    public static RawEvent of(String user, String item, String type) {
        return new RawEvent(user, item, type, OptionalDouble.empty(), Optional.empty(), Optional.empty(), RawContext.NONE);
    }

    @Override
    public String toString() {
        return "RawEvent[user=…, item=" + item + ", type=" + type + "]";
    }
}
