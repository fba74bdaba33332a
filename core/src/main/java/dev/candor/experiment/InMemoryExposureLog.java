package dev.candor.experiment;

import dev.candor.model.SubjectId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An {@link ExposureLog} in memory: for tests and for embedding without a database, and the
 * reference behaviour SQL implementations must match. Thread-safe (every method is synchronized).
 */
public final class InMemoryExposureLog implements ExposureLog {
    private static final class Row {
        final ExperimentId experiment;
        final String variant;
        final Instant at;
        final SubjectId subject;
        boolean clicked;
        boolean converted;
        boolean tooPersonal;
        boolean notInterested;
        long revenueConversions;
        double revenue;

        Row(Impression impression) {
            this.experiment = impression.experiment();
            this.variant = impression.variant();
            this.at = impression.at();
            this.subject = impression.subject();
        }
    }

    private static final class Member {
        final String variant;
        final Instant firstExposure;
        boolean optedOut;
        boolean corrected;
        boolean erased;

        Member(String variant, Instant firstExposure) {
            this.variant = variant;
            this.firstExposure = firstExposure;
        }
    }

    private record Key(ExperimentId experiment, SubjectId subject) {
    }

    private record VariantKey(ExperimentId experiment, String variant) {
    }

    private final Map<String, Row> impressions = new HashMap<>();
    private final Map<Key, Member> participations = new HashMap<>();
    private final Set<List<String>> convertedItems = new HashSet<>();
    /** What erased participants contributed, per variant: counts as in {@link #totals}, then Σr, Σr². */
    private final Map<VariantKey, long[]> erasedCounts = new HashMap<>();
    private final Map<VariantKey, double[]> erasedRevenue = new HashMap<>();

    @Override
    public synchronized boolean recordImpression(Impression impression) {
        if (impressions.containsKey(impression.requestId())) {
            return false;
        }
        impressions.put(impression.requestId(), new Row(impression));
        participations.putIfAbsent(new Key(impression.experiment(), impression.subject()),
                new Member(impression.variant(), impression.at()));
        return true;
    }

    @Override
    public synchronized Optional<Impression> impression(String requestId) {
        Row r = impressions.get(requestId);
        return r == null ? Optional.empty() : Optional.of(new Impression(requestId, r.experiment, r.variant, r.subject, r.at));
    }

    @Override
    public synchronized boolean attribute(String requestId, Outcome outcome) {
        Row r = impressions.get(requestId);
        if (r == null) {
            return false;
        }
        switch (outcome) {
            case Outcome.Click c -> r.clicked = true;
            case Outcome.Conversion c -> {
                if (c.item().isPresent() && !convertedItems.add(List.of(requestId, c.item().get()))) {
                    return true; // a retry of a conversion already counted
                }
                r.converted = true;
                if (c.revenue().isPresent()) {
                    r.revenueConversions++;
                    r.revenue += c.revenue().get();
                }
            }
            case Outcome.TooPersonal t -> r.tooPersonal = true;
            case Outcome.NotInterested n -> r.notInterested = true;
        }
        return true;
    }

    @Override
    public synchronized List<ExposureLog.Participation> participations(SubjectId subject) {
        List<ExposureLog.Participation> out = new java.util.ArrayList<>();
        participations.forEach((k, p) -> {
            if (k.subject().equals(subject)) {
                long n = impressions.values().stream().filter(r -> subject.equals(r.subject) && r.experiment.equals(k.experiment())).count();
                out.add(new ExposureLog.Participation(k.experiment(), p.variant, p.firstExposure, n, p.optedOut, p.corrected));
            }
        });
        out.sort(java.util.Comparator.comparing(ExposureLog.Participation::experiment));
        return out;
    }

    @Override
    public synchronized int markSubject(SubjectId subject, SubjectOutcome outcome, Instant at) {
        int marked = 0;
        for (Map.Entry<Key, Member> e : participations.entrySet()) {
            Member p = e.getValue();
            if (!subject.equals(e.getKey().subject()) || p.firstExposure.isAfter(at)) {
                continue;
            }
            boolean already = switch (outcome) {
                case OPTED_OUT -> p.optedOut;
                case CORRECTED -> p.corrected;
                case ERASED -> p.erased;
            };
            if (already) {
                continue;
            }
            switch (outcome) {
                case OPTED_OUT -> p.optedOut = true;
                case CORRECTED -> p.corrected = true;
                case ERASED -> p.erased = true;
            }
            marked++;
        }
        return marked;
    }

    @Override
    public synchronized long eraseSubject(SubjectId subject) {
        long n = 0;
        for (var it = impressions.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Row r = e.getValue();
            if (!subject.equals(r.subject)) {
                continue;
            }
            VariantKey k = new VariantKey(r.experiment, r.variant);
            addRow(erasedCounts.computeIfAbsent(k, x -> new long[10]), erasedRevenue.computeIfAbsent(k, x -> new double[2]), r);
            String requestId = e.getKey();
            convertedItems.removeIf(c -> c.getFirst().equals(requestId));
            it.remove();
            n++;
        }
        for (var it = participations.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!subject.equals(e.getKey().subject())) {
                continue;
            }
            VariantKey k = new VariantKey(e.getKey().experiment(), e.getValue().variant);
            addParticipation(erasedCounts.computeIfAbsent(k, x -> new long[10]), e.getValue());
            erasedRevenue.computeIfAbsent(k, x -> new double[2]);
            it.remove();
            n++;
        }
        return n;
    }

    private static void addRow(long[] c, double[] s, Row r) {
        c[0]++;
        c[1] += r.clicked ? 1 : 0;
        c[2] += r.converted ? 1 : 0;
        c[3] += r.tooPersonal ? 1 : 0;
        c[4] += r.notInterested ? 1 : 0;
        c[5] += r.revenueConversions;
        s[0] += r.revenue;
        s[1] += r.revenue * r.revenue;
    }

    private static void addParticipation(long[] c, Member p) {
        c[6]++;
        c[7] += p.optedOut ? 1 : 0;
        c[8] += p.corrected ? 1 : 0;
        c[9] += p.erased ? 1 : 0;
    }

    @Override
    public synchronized Map<String, VariantTotals> totals(ExperimentId experiment) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> revenue = new TreeMap<>();
        erasedCounts.forEach((k, c) -> {
            if (k.experiment().equals(experiment)) {
                counts.put(k.variant(), c.clone());
                revenue.put(k.variant(), erasedRevenue.get(k).clone());
            }
        });
        for (Row r : impressions.values()) {
            if (r.experiment.equals(experiment)) {
                addRow(counts.computeIfAbsent(r.variant, v -> new long[10]), revenue.computeIfAbsent(r.variant, v -> new double[2]), r);
            }
        }
        for (Map.Entry<Key, Member> e : participations.entrySet()) {
            long[] c = counts.get(e.getValue().variant);
            if (e.getKey().experiment().equals(experiment) && c != null) {
                addParticipation(c, e.getValue());
            }
        }
        Map<String, VariantTotals> out = new TreeMap<>();
        counts.forEach((v, c) -> {
            if (c[0] == 0) {
                return;
            }
            double[] s = revenue.get(v);
            out.put(v, new VariantTotals(c[0], c[1], c[2], c[3], c[4], c[5], s[0], s[1], c[6], c[7], c[8], c[9]));
        });
        return out;
    }
}
