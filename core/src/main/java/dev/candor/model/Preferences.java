package dev.candor.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a subject has told us directly. Stated beats inferred: these outrank behavioural signals.
 *
 * @param likedCategories    categories the subject wants more of
 * @param dislikedCategories categories never to recommend
 * @param intensity          how strongly to personalize
 * @param sensitiveOptIns    sensitive categories the subject explicitly allows inference on
 * @param updatedAt          when last changed; {@link Instant#EPOCH} when never set
 * @param hiddenInterests    categories the subject removed from their inferred interests: never
 *                           inferred again from their behaviour (unlike disliked, items stay allowed)
 */
public record Preferences(Set<String> likedCategories, Set<String> dislikedCategories, Intensity intensity,
                          Set<String> sensitiveOptIns, Instant updatedAt, Set<String> hiddenInterests) {
    public static final int MAX_CATEGORIES = 100;
    public static final Preferences NONE = new Preferences(Set.of(), Set.of(), Intensity.HIGH, Set.of(), Instant.EPOCH, Set.of());

    /** Preferences without removed interests. */
    public Preferences(Set<String> likedCategories, Set<String> dislikedCategories, Intensity intensity,
                       Set<String> sensitiveOptIns, Instant updatedAt) {
        this(likedCategories, dislikedCategories, intensity, sensitiveOptIns, updatedAt, Set.of());
    }

    public Preferences {
        likedCategories = sorted(likedCategories);
        dislikedCategories = sorted(dislikedCategories);
        sensitiveOptIns = sorted(sensitiveOptIns);
        hiddenInterests = sorted(hiddenInterests);
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(updatedAt, "updatedAt");
        for (String c : likedCategories) {
            if (dislikedCategories.contains(c)) {
                throw new IllegalArgumentException("a category cannot be both liked and disliked");
            }
        }
    }

    private static Set<String> sorted(Set<String> in) {
        Set<String> s = in == null ? Set.of() : in;
        if (s.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException("at most " + MAX_CATEGORIES + " categories per list");
        }
        for (String c : s) {
            if (c == null || c.isBlank() || c.length() > Item.MAX_CATEGORY_LENGTH) {
                throw new IllegalArgumentException("category names must be 1 to " + Item.MAX_CATEGORY_LENGTH + " characters");
            }
        }
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(s));
    }

    /** {@return whether the subject said anything at all} */
    public boolean isStated() {
        return !likedCategories.isEmpty() || !dislikedCategories.isEmpty() || !sensitiveOptIns.isEmpty() || !hiddenInterests.isEmpty()
                || intensity != Intensity.HIGH;
    }

    public Preferences withIntensity(Intensity next, Instant at) {
        return new Preferences(likedCategories, dislikedCategories, next, sensitiveOptIns, at, hiddenInterests);
    }

    /** {@return these preferences with {@code category} removed from the inferred interests (and from liked)} */
    public Preferences withHiddenInterest(String category, Instant at) {
        Set<String> hidden = new TreeSet<>(hiddenInterests);
        hidden.add(category);
        Set<String> liked = new TreeSet<>(likedCategories);
        liked.remove(category);
        return new Preferences(liked, dislikedCategories, intensity, sensitiveOptIns, at, hidden);
    }
}
