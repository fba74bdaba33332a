package dev.candor.model;

import java.util.regex.Pattern;

/**
 * An event's type, e.g. {@code view}, {@code purchase}, {@code rating}. Which types the engine
 * accepts, and how each weighs and decays, is configuration ({@code profile.DecayPolicy}); this
 * record only checks the spelling: a lowercase word of 1 to 32 characters.
 */
public record EventType(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public static final EventType VIEW = new EventType("view");
    public static final EventType CLICK = new EventType("click");
    public static final EventType ADD_TO_CART = new EventType("add_to_cart");
    public static final EventType PURCHASE = new EventType("purchase");
    public static final EventType RATING = new EventType("rating");
    public static final EventType LIKE = new EventType("like");
    public static final EventType SEARCH = new EventType("search");

    public EventType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type must be a lowercase word of 1 to 32 characters");
        }
    }

    public static EventType of(String name) {
        return new EventType(name);
    }

    /** {@return whether {@code name} is spelled like an event type} */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return name;
    }
}
