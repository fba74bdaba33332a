package dev.candor.recommend.source;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.profile.ContextCode;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.CandidateSource;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.SourceQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Items popular in the request's coarse context — on the same device class, in the same daypart —
 * among at least k people per context value ({@link ContextModel}). Used only when the request has
 * a context and the subject granted the {@code context} purpose (the query's context is empty
 * otherwise). Score: for each context dimension present, the item's count there divided by the top
 * count there; one piece of evidence per dimension, so the reason adds up to the score.
 */
public final class ContextSource implements CandidateSource {
    private final Supplier<ContextModel> model;

    public ContextSource(Supplier<ContextModel> model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "context";
    }

    @Override
    public DataCategory dataCategory() {
        return DataCategory.CONTEXT;
    }

    @Override
    public List<Candidate> candidates(SourceQuery query, int limit) {
        ContextModel m = model.get();
        List<int[]> counts = new ArrayList<>(2);
        List<String> labels = new ArrayList<>(2);
        List<String> refs = new ArrayList<>(2);
        query.context().device().map(ContextCode.DEVICES::indexOf).filter(d -> d >= 0 && m.device(d) != null).ifPresent(d -> {
            counts.add(m.device(d));
            labels.add("on " + ContextCode.DEVICES.get(d));
            refs.add("device:" + ContextCode.DEVICES.get(d));
        });
        query.context().daypart().map(ContextCode.DAYPARTS::indexOf).filter(p -> p >= 0 && m.daypart(p) != null).ifPresent(p -> {
            counts.add(m.daypart(p));
            labels.add("in the " + ContextCode.DAYPARTS.get(p));
            refs.add("daypart:" + ContextCode.DAYPARTS.get(p));
        });
        if (counts.isEmpty()) {
            return List.of();
        }
        int numItems = counts.getFirst().length;
        double[] max = new double[counts.size()];
        for (int c = 0; c < counts.size(); c++) {
            for (int v : counts.get(c)) {
                max[c] = Math.max(max[c], v);
            }
        }
        Map<Integer, double[]> scores = new HashMap<>();
        for (int i = 0; i < numItems; i++) {
            double s = 0;
            for (int c = 0; c < counts.size(); c++) {
                s += max[c] > 0 ? counts.get(c)[i] / max[c] : 0;
            }
            if (s > 0 && query.accept().test(i) && !query.history().contains(i)) {
                scores.put(i, new double[] {s});
            }
        }
        List<Candidate> out = new ArrayList<>(limit);
        for (int[] top : TopK.of(scores, limit)) {
            int i = top[0];
            List<Evidence> evidence = new ArrayList<>(counts.size());
            for (int c = 0; c < counts.size(); c++) {
                double w = max[c] > 0 ? counts.get(c)[i] / max[c] : 0;
                if (w > 0) {
                    evidence.add(new Evidence(Evidence.Kind.STATISTIC, refs.get(c), labels.get(c), "popular", w));
                }
            }
            out.add(new Candidate(i, new Reason.SuitsContext(evidence)));
        }
        return out;
    }
}
