package dev.candor.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies a session's intent from the session's own events, by documented rules (in order):
 * <ol>
 *   <li>{@link SessionIntent#PURCHASE} when the session put something in the cart or bought it
 *       ({@code add_to_cart}, {@code purchase});</li>
 *   <li>{@link SessionIntent#RESEARCH} when it has at least {@value #MIN_RESEARCH_STEPS} events and at
 *       least {@value #FOCUS_SHARE} of them are on items of one category, or it contains a
 *       {@code search} event with a focused category;</li>
 *   <li>{@link SessionIntent#BROWSING} otherwise (including an empty session).</li>
 * </ol>
 * Rules rather than a model: they are explainable in one sentence each and need no training data.
 * Stateless and thread-safe.
 */
public final class IntentClassifier {
    public static final int MIN_RESEARCH_STEPS = 3;
    public static final double FOCUS_SHARE = 0.7;

    /**
     * One event of a session.
     *
     * @param item       the item's id
     * @param type       the event type's name (e.g. {@code view}, {@code add_to_cart})
     * @param categories the item's categories
     */
    public record Step(String item, String type, List<String> categories) {
        public Step {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(type, "type");
            categories = List.copyOf(categories);
        }
    }

    public SessionIntent classify(List<Step> steps) {
        if (steps.isEmpty()) {
            return SessionIntent.BROWSING;
        }
        boolean searched = false;
        for (Step s : steps) {
            if (s.type().equals("add_to_cart") || s.type().equals("purchase")) {
                return SessionIntent.PURCHASE;
            }
            searched |= s.type().equals("search");
        }
        double focus = dominantCategoryShare(steps);
        if (steps.size() >= MIN_RESEARCH_STEPS && focus >= FOCUS_SHARE || searched && focus >= FOCUS_SHARE) {
            return SessionIntent.RESEARCH;
        }
        return SessionIntent.BROWSING;
    }

    /** {@return the largest share of steps whose item is in one category} */
    static double dominantCategoryShare(List<Step> steps) {
        Map<String, int[]> counts = new HashMap<>();
        for (Step s : steps) {
            List<String> categories = s.categories();
            for (int c = 0; c < categories.size(); c++) {
                if (categories.subList(0, c).contains(categories.get(c))) {
                    continue; // an item lists a category twice: it counts once
                }
                counts.computeIfAbsent(categories.get(c), x -> new int[1])[0]++;
            }
        }
        int best = 0;
        for (int[] n : counts.values()) {
            best = Math.max(best, n[0]);
        }
        return (double) best / steps.size();
    }
}
