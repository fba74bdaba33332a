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
 * segment divided by the segment's top count; one piece of evidence, so the reason is the score.
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
        double max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        Map<Integer, double[]> scores = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && query.accept().test(i) && !query.history().contains(i)) {
                scores.put(i, new double[] {counts[i] / max});
            }
        }
        String label = "people who mostly like " + segment.get();
        List<Candidate> out = new ArrayList<>(limit);
        for (int[] top : TopK.of(scores, limit)) {
            double w = scores.get(top[0])[0];
            out.add(new Candidate(top[0], new Reason.PopularWith(label, List.of(new Evidence(Evidence.Kind.STATISTIC,
                    "segment:" + segment.get(), label + " (" + m.size(segment.get()) + " people)", "popular", w)))));
        }
        return out;
    }
}
