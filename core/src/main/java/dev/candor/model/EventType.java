package dev.candor.model;

/**
 * An event's type, e.g. {@code view}, {@code purchase}, {@code rating}. Which types the engine
 * accepts, and how each weighs and decays, is configuration ({@code profile.DecayPolicy}); this
 * record only checks the spelling: a lowercase word of 1 to 32 characters.
 */
public record EventType(String name) {
    public static final EventType VIEW = new EventType("view");
    public static final EventType CLICK = new EventType("click");
    public static final EventType ADD_TO_CART = new EventType("add_to_cart");
    public static final EventType PURCHASE = new EventType("purchase");
    public static final EventType RATING = new EventType("rating");
    public static final EventType LIKE = new EventType("like");
    public static final EventType SEARCH = new EventType("search");

    public EventType {
        if (!isValid(name)) {
            throw new IllegalArgumentException("event type must be a lowercase word of 1 to 32 characters");
        }
    }

    /** {@return the type named {@code name}; the built-in types are shared instances} */
    public static EventType of(String name) {
        return switch (name) {
            case "view" -> VIEW;
            case "click" -> CLICK;
            case "add_to_cart" -> ADD_TO_CART;
            case "purchase" -> PURCHASE;
            case "rating" -> RATING;
            case "like" -> LIKE;
            case "search" -> SEARCH;
            case null, default -> new EventType(name);
        };
    }

    /** {@return whether {@code name} is spelled like an event type: {@code [a-z][a-z0-9_]{0,31}}} */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > 32 || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
