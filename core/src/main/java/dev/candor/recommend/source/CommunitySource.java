package dev.candor.recommend.source;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.model.Purpose;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.CandidateSource;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.recommend.SourceQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Popular with people who mostly like X": items popular in the subject's community segment (their
 * main interest, from their evidence), when the subject granted {@code community}, is at level FULL,
 * and the segment has at least k members ({@link SegmentModel}). Score: the item's count in the
 * segment divided by the segment's top count; when the segment has a trend this week, half that and
 * half the item's weekly count divided by the top weekly count. One piece of evidence per part
 * ("popular", "trending"), so the evidence adds up to the score.
 */
public final class CommunitySource implements CandidateSource {
    private final Supplier<SegmentModel> model;
    private final Catalog catalog;

    public CommunitySource(Supplier<SegmentModel> model, Catalog catalog) {
        this.model = model;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "community";
    }

    @Override
    public DataCategory dataCategory() {
        return DataCategory.COMMUNITY;
    }

    /** {@return the subject's segment for this query, if they may have one and it exists} */
    public Optional<String> segmentOf(SourceQuery query) {
        if (query.level() != PersonalizationLevel.FULL || !query.user().consent().allows(Purpose.COMMUNITY) || query.history().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> cats = new HashMap<>();
        for (int k = 0; k < query.history().size(); k++) {
            for (String c : catalog.item(query.history().item(k)).categories()) {
                cats.merge(c.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return SegmentModel.mainInterest(cats).filter(s -> model.get().size(s) > 0);
    }

    @Override
    public List<Candidate> candidates(SourceQuery query, int limit) {
        Optional<String> segment = segmentOf(query);
        if (segment.isEmpty()) {
            return List.of();
        }
        SegmentModel m = model.get();
        int[] counts = m.counts(segment.get()).orElseThrow();
        int[] recent = m.trending(segment.get()).orElse(new int[counts.length]);
        double max = 0;
        double maxRecent = 0;
        for (int i = 0; i < counts.length; i++) {
            max = Math.max(max, counts[i]);
            maxRecent = Math.max(maxRecent, recent[i]);
        }
        // popular share, and when the segment has a trend, half popular and half trending
        double wPopular = maxRecent > 0 ? 0.5 : 1;
        Map<Integer, double[]> scores = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if ((counts[i] > 0 || recent[i] > 0) && query.accept().test(i) && !query.history().contains(i)) {
                double p = max > 0 ? wPopular * counts[i] / max : 0;
                double t = maxRecent > 0 ? 0.5 * recent[i] / maxRecent : 0;
                scores.put(i, new double[] {p + t, p, t});
            }
        }
        String label = "people who mostly like " + segment.get();
        String size = (m.epsilon().isPresent() ? "about " : "") + m.size(segment.get()) + " people"
                + (m.epsilon().isPresent() ? ", differentially private counts" : "");
        String ref = "segment:" + segment.get();
        List<Candidate> out = new ArrayList<>(limit);
        for (int[] top : TopK.of(scores, limit)) {
            double[] s = scores.get(top[0]);
            List<Evidence> evidence = new ArrayList<>(2);
            if (s[1] > 0) {
                evidence.add(new Evidence(Evidence.Kind.STATISTIC, ref, label + " (" + size + ")", "popular", s[1]));
            }
            if (s[2] > 0) {
                evidence.add(new Evidence(Evidence.Kind.STATISTIC, ref + ":week", label + ", this week", "trending", s[2]));
            }
            out.add(new Candidate(top[0], new Reason.PopularWith(label, evidence)));
        }
        return out;
    }
}
