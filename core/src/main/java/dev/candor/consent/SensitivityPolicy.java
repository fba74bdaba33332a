package dev.candor.consent;

import dev.candor.model.Item;
import dev.candor.model.Preferences;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sensitive categories (health, religion, sexuality, politics, finances, children… — configurable).
 *
 * <p>Behaviour on an item of a sensitive category is stored for the subject's own view but never
 * feeds inference about other items, models or community signals, unless the subject explicitly
 * opted that category in ({@link Preferences#sensitiveOptIns()}). Sensitive items are recommended
 * only when the request asks for that category or the subject stated a preference for it.
 * Immutable and thread-safe.
 */
public final class SensitivityPolicy {
    /** The default list of sensitive categories. */
    public static final Set<String> DEFAULT_CATEGORIES =
            Set.of("health", "religion", "sexuality", "politics", "finance", "children", "ethnicity", "trade_union");

    private final Set<String> categories;

    public SensitivityPolicy(Set<String> categories) {
        TreeSet<String> s = new TreeSet<>();
        for (String c : categories) {
            s.add(c.toLowerCase(Locale.ROOT));
        }
        this.categories = java.util.Collections.unmodifiableSortedSet(s);
    }

    public static SensitivityPolicy defaults() {
        return new SensitivityPolicy(DEFAULT_CATEGORIES);
    }

    public Set<String> categories() {
        return categories;
    }

    public boolean isSensitiveCategory(String category) {
        return categories.contains(category.toLowerCase(Locale.ROOT));
    }

    /** {@return whether any of the item's categories is sensitive} */
    public boolean isSensitive(Item item) {
        for (String c : item.categories()) {
            if (isSensitiveCategory(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@return whether behaviour on {@code item} may feed inference for this subject} */
    public boolean mayInferFrom(Item item, Preferences prefs) {
        for (String c : item.categories()) {
            if (isSensitiveCategory(c) && !prefs.sensitiveOptIns().contains(c.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return whether {@code item} may be shown: not sensitive, or the request asked for its
     * sensitive category, or the subject likes or opted into that category}
     */
    public boolean mayShow(Item item, Preferences prefs, java.util.Optional<String> requestedCategory) {
        for (String c : item.categories()) {
            if (!mayShowCategory(c.toLowerCase(Locale.ROOT), prefs, requestedCategory)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return whether items in this lowercase category may be shown as far as the category goes: it is
     * not sensitive, or the request asked for it, or the subject likes or opted into it} An item may be
     * shown when each of its categories may.
     */
    public boolean mayShowCategory(String lc, Preferences prefs, java.util.Optional<String> requestedCategory) {
        if (!isSensitiveCategory(lc)) {
            return true;
        }
        boolean asked = requestedCategory.map(r -> r.equalsIgnoreCase(lc)).orElse(false);
        return asked || prefs.likedCategories().contains(lc) || prefs.sensitiveOptIns().contains(lc);
    }
}
