package dev.candor.explain;

import java.util.Objects;

/**
 * One concrete piece of evidence behind a reason and its share of the score.
 *
 * @param kind     what the evidence is
 * @param ref      its identifier: an item id, a category name, a segment or collection name
 * @param label    how a person reads it: an item title, a category name
 * @param relation how it relates to the subject: "viewed", "bought", "liked", "popular", …
 * @param weight   its share of the item's score
 */
public record Evidence(Kind kind, String ref, String label, String relation, double weight) {
    /** The kinds of evidence. */
    public enum Kind {
        /** An item in the subject's history. */
        ITEM,
        /** A category the subject stated or showed interest in. */
        CATEGORY,
        /** An aggregate statistic (popularity, trend). */
        STATISTIC,
        /** A segment of at least k people. */
        SEGMENT,
        /** A human-curated collection. */
        COLLECTION
    }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        label = label == null ? ref : label;
        relation = relation == null ? "" : relation;
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("evidence weight must be finite");
        }
    }

    public Evidence scaled(double factor) {
        return new Evidence(kind, ref, label, relation, weight * factor);
    }
}
