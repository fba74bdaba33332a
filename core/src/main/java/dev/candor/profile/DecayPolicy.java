package dev.candor.profile;

import dev.candor.model.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accepted event types and how each weighs and decays (exponential, per type), so old
 * behaviour stops defining someone. Immutable and thread-safe.
 *
 * <p>Each type gets a small code (its position) used by the in-memory index.
 */
public final class DecayPolicy {
    private final List<EventKind> kinds;

    public DecayPolicy(List<EventKind> kinds) {
        if (kinds.isEmpty() || kinds.size() > 127) {
            throw new IllegalArgumentException("between 1 and 127 event kinds. Provided: " + kinds.size());
        }
        this.kinds = List.copyOf(kinds);
        for (int i = 0; i < kinds.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (kinds.get(i).type().equals(kinds.get(j).type())) {
                    throw new IllegalArgumentException("duplicate event kind: " + kinds.get(i).type());
                }
            }
        }
    }

    /** The default kinds: view, click, add_to_cart, purchase, rating, like. */
    public static DecayPolicy defaults() {
        List<EventKind> k = new ArrayList<>();
        k.add(new EventKind(EventType.VIEW, 1.0, Duration.ofDays(30), false, "viewed"));
        k.add(new EventKind(EventType.CLICK, 1.0, Duration.ofDays(30), false, "clicked"));
        k.add(new EventKind(EventType.ADD_TO_CART, 2.0, Duration.ofDays(14), false, "added to your cart"));
        k.add(new EventKind(EventType.PURCHASE, 3.0, Duration.ofDays(180), false, "bought"));
        k.add(new EventKind(EventType.RATING, 3.0, Duration.ZERO, true, "rated"));
        k.add(new EventKind(EventType.LIKE, 3.0, Duration.ofDays(365), false, "liked"));
        // a search that led to the item; its free-form query, if sent, is stored encrypted
        k.add(new EventKind(EventType.SEARCH, 0.5, Duration.ofDays(7), false, "searched for"));
        return new DecayPolicy(k);
    }

    public List<EventKind> kinds() {
        return kinds;
    }

    /** {@return the code of the type, if accepted} */
    public Optional<Byte> code(EventType type) {
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).type().equals(type)) {
                return Optional.of((byte) i);
            }
        }
        return Optional.empty();
    }

    public EventKind kind(byte code) {
        return kinds.get(code);
    }

    /**
     * {@return the weight now of an event of kind {@code code} and {@code value} that happened
     * {@code ageMillis} ago; events from the future count as new}
     */
    public double weight(byte code, double value, long ageMillis) {
        EventKind k = kinds.get(code);
        double w = k.baseWeight(value);
        if (w == 0 || k.halfLife().isZero() || ageMillis <= 0) {
            return w;
        }
        return w * Math.pow(0.5, (double) ageMillis / k.halfLife().toMillis());
    }
}
