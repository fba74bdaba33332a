package dev.candor.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why an item was recommended: a share of its score ({@link #weight()}, the sum of the evidence
 * weights) with the evidence and a sentence a person understands. Closed set of kinds.
 */
public sealed interface Reason {
    /** {@return the stable wire name of the kind, e.g. {@code because_you_interacted}} */
    String kind();

    List<Evidence> evidence();

    /** {@return a plain-language sentence, rendered from the evidence} */
    String text();

    /** {@return this reason's share of the score: the sum of its evidence weights} */
    default double weight() {
        double w = 0;
        for (Evidence e : evidence()) {
            w += e.weight();
        }
        return w;
    }

    /** {@return the same reason with every weight multiplied by {@code factor}} */
    Reason scaled(double factor);

    private static List<Evidence> scale(List<Evidence> evidence, double factor) {
        List<Evidence> out = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            out.add(e.scaled(factor));
        }
        return out;
    }

    /** Items in the subject's own history that point to this item ("Because you viewed Heat and Ronin"). */
    record BecauseYouInteracted(List<Evidence> evidence) implements Reason {
        public BecauseYouInteracted {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String kind() {
            return "because_you_interacted";
        }

        @Override
        public String text() {
            // The text names the items that speak for the recommendation; items that speak against it
            // (negative contributions, possible with EASE and iALS) stay in the evidence, not the sentence.
            // the three largest positive weights, ties in evidence order (one pass: this runs for every item served)
            Evidence[] top = new Evidence[3];
            int count = 0;
            int positive = 0;
            for (Evidence e : evidence) {
                if (!(e.weight() > 0) || e.relation().equals("other")) {
                    continue;
                }
                positive++;
                if (count == top.length && !(e.weight() > top[count - 1].weight())) {
                    continue;
                }
                int at = count < top.length ? count++ : count - 1;
                while (at > 0 && e.weight() > top[at - 1].weight()) {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = e;
            }
            Map<String, List<String>> byVerb = new LinkedHashMap<>();
            for (int r = 0; r < count; r++) {
                Evidence e = top[r];
                byVerb.computeIfAbsent(e.relation().isEmpty() ? "interacted with" : e.relation(), k -> new ArrayList<>())
                        .add(e.label());
            }
            List<String> clauses = new ArrayList<>();
            byVerb.forEach((verb, labels) -> clauses.add(verb + " " + Texts.join(labels)));
            String more = positive > count ? " (and " + (positive - count) + " more)" : "";
            return "Because you " + Texts.join(clauses) + more;
        }

        @Override
        public Reason scaled(double factor) {
            return new BecauseYouInteracted(scale(evidence, factor));
        }
    }

    /** The item matches categories the subject told us they like, or showed interest in. */
    record MatchesInterest(List<Evidence> evidence) implements Reason {
        public MatchesInterest {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String kind() {
            return "matches_interest";
        }

        @Override
        public String text() {
            List<String> stated = evidence.stream().filter(e -> e.relation().equals("stated")).map(Evidence::label).toList();
            List<String> shown = evidence.stream().filter(e -> !e.relation().equals("stated")).map(Evidence::label).toList();
            if (!stated.isEmpty() && shown.isEmpty()) {
                return "Matches your stated interest in " + Texts.join(stated);
            }
            if (stated.isEmpty()) {
                return "Matches your interest in " + Texts.join(shown) + ", based on your activity";
            }
            return "Matches your stated interest in " + Texts.join(stated) + " and your activity in " + Texts.join(shown);
        }

        @Override
        public Reason scaled(double factor) {
            return new MatchesInterest(scale(evidence, factor));
        }
    }

    /** Popular with everyone (non-personal). */
    record Popular(List<Evidence> evidence) implements Reason {
        public Popular {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String kind() {
            return "popular";
        }

        @Override
        public String text() {
            return "Popular with other customers right now";
        }

        @Override
        public Reason scaled(double factor) {
            return new Popular(scale(evidence, factor));
        }
    }

    /**
     * Popular with people in the same coarse context as this request (device class, daypart), counted
     * over at least k people per context value. Evidence: one statistic per context dimension.
     */
    record SuitsContext(List<Evidence> evidence) implements Reason {
        public SuitsContext {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String kind() {
            return "context";
        }

        @Override
        public String text() {
            return "Popular with people shopping " + String.join(" ", evidence.stream().map(Evidence::label).toList());
        }

        @Override
        public Reason scaled(double factor) {
            return new SuitsContext(scale(evidence, factor));
        }
    }

    /** Popular in a segment of at least k people the subject belongs to. */
    record PopularWith(String segment, List<Evidence> evidence) implements Reason {
        public PopularWith {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String kind() {
            return "popular_with_segment";
        }

        @Override
        public String text() {
            return "Popular with " + segment;
        }

        @Override
        public Reason scaled(double factor) {
            return new PopularWith(segment, scale(evidence, factor));
        }
    }

    /** Gaining popularity quickly. */
    record Trending(List<Evidence> evidence) implements Reason {
        public Trending {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String kind() {
            return "trending";
        }

        @Override
        public String text() {
            return "Trending now";
        }

        @Override
        public Reason scaled(double factor) {
            return new Trending(scale(evidence, factor));
        }
    }

    /** Picked by people for a collection. */
    record Curated(String collection, List<Evidence> evidence) implements Reason {
        public Curated {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String kind() {
            return "curated";
        }

        @Override
        public String text() {
            return "Picked by our team for \"" + collection + "\"";
        }

        @Override
        public Reason scaled(double factor) {
            return new Curated(collection, scale(evidence, factor));
        }
    }

    /** Often interacted with together with a given item (similar items; non-personal). */
    record OftenTogether(List<Evidence> evidence) implements Reason {
        public OftenTogether {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String kind() {
            return "often_together";
        }

        @Override
        public String text() {
            return "People who liked " + Texts.join(evidence.stream().map(Evidence::label).toList()) + " also liked this";
        }

        @Override
        public Reason scaled(double factor) {
            return new OftenTogether(scale(evidence, factor));
        }
    }

    /** The item is in the category the request asked for (catalog data only; nothing about anyone). */
    record InCategory(String category, List<Evidence> evidence) implements Reason {
        public InCategory {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String kind() {
            return "in_category";
        }

        @Override
        public String text() {
            return "In the " + category + " category you are browsing";
        }

        @Override
        public Reason scaled(double factor) {
            return new InCategory(category, scale(evidence, factor));
        }
    }
}
