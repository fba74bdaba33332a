package dev.candor.experiment;

import dev.candor.model.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        SubjectId subject;
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

    private static final class Participation {
        final ExperimentId experiment;
        final String variant;
        final Instant firstExposure;
        SubjectId subject;
        boolean optedOut;
        boolean corrected;
        boolean erased;

        Participation(ExperimentId experiment, String variant, SubjectId subject, Instant firstExposure) {
            this.experiment = experiment;
            this.variant = variant;
            this.subject = subject;
            this.firstExposure = firstExposure;
        }
    }

    private record Key(ExperimentId experiment, SubjectId subject) {
    }

    private final Map<String, Row> impressions = new HashMap<>();
    private final Map<Key, Participation> linked = new HashMap<>();
    private final List<Participation> participations = new ArrayList<>();

    @Override
    public synchronized boolean recordImpression(Impression impression) {
        if (impressions.containsKey(impression.requestId())) {
            return false;
        }
        impressions.put(impression.requestId(), new Row(impression));
        Key key = new Key(impression.experiment(), impression.subject());
        if (!linked.containsKey(key)) {
            Participation p = new Participation(impression.experiment(), impression.variant(), impression.subject(),
                    impression.at());
            linked.put(key, p);
            participations.add(p);
        }
        return true;
    }

    @Override
    public synchronized Optional<Impression> impression(String requestId) {
        Row r = impressions.get(requestId);
        return r == null || r.subject == null ? Optional.empty()
                : Optional.of(new Impression(requestId, r.experiment, r.variant, r.subject, r.at));
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
    public synchronized int markSubject(SubjectId subject, SubjectOutcome outcome, Instant at) {
        int marked = 0;
        for (Participation p : participations) {
            if (!subject.equals(p.subject) || p.firstExposure.isAfter(at)) {
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
    public synchronized long unlinkSubject(SubjectId subject) {
        long n = 0;
        for (Row r : impressions.values()) {
            if (subject.equals(r.subject)) {
                r.subject = null;
                n++;
            }
        }
        for (Participation p : participations) {
            if (subject.equals(p.subject)) {
                p.subject = null;
                n++;
            }
        }
        linked.keySet().removeIf(k -> k.subject().equals(subject));
        return n;
    }

    @Override
    public synchronized Map<String, VariantTotals> totals(ExperimentId experiment) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> revenue = new TreeMap<>();
        for (Row r : impressions.values()) {
            if (!r.experiment.equals(experiment)) {
                continue;
            }
            long[] c = counts.computeIfAbsent(r.variant, v -> new long[10]);
            c[0]++;
            c[1] += r.clicked ? 1 : 0;
            c[2] += r.converted ? 1 : 0;
            c[3] += r.tooPersonal ? 1 : 0;
            c[4] += r.notInterested ? 1 : 0;
            c[5] += r.revenueConversions;
            double[] s = revenue.computeIfAbsent(r.variant, v -> new double[2]);
            s[0] += r.revenue;
            s[1] += r.revenue * r.revenue;
        }
        for (Participation p : participations) {
            long[] c = counts.get(p.variant);
            if (!p.experiment.equals(experiment) || c == null) {
                continue;
            }
            c[6]++;
            c[7] += p.optedOut ? 1 : 0;
            c[8] += p.corrected ? 1 : 0;
            c[9] += p.erased ? 1 : 0;
        }
        Map<String, VariantTotals> out = new TreeMap<>();
        counts.forEach((v, c) -> {
            double[] s = revenue.get(v);
            out.put(v, new VariantTotals(c[0], c[1], c[2], c[3], c[4], c[5], s[0], s[1], c[6], c[7], c[8], c[9]));
        });
        return out;
    }
}
