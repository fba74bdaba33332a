package dev.candor.engine;

import dev.candor.consent.ConsentService;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.privacy.dp.BudgetLedger;
import dev.candor.privacy.dp.DiscreteSamplers;
import dev.candor.profile.InteractionIndex;
import dev.candor.profile.PreferenceService;
import dev.candor.recommend.Catalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Differentially private analytics over the live index. A "user" is a person (pseudonym) who granted
 * the {@code analytics} purpose; each contributes at most {@value #CONTRIBUTION_BOUND} distinct items
 * (their most recent), so adding or removing one person changes at most that many counts by one
 * (L1 sensitivity {@value #CONTRIBUTION_BOUND}). Every count — zeros included, over the whole
 * catalog — gets discrete Laplace noise of scale sensitivity/ε, which is ε-DP (δ = 0); selecting the
 * top k of the noised counts is post-processing. The ε is spent from the caller's budget first.
 */
public final class DpAnalytics {
    public static final int CONTRIBUTION_BOUND = 10;
    /** Per-segment engagement: each person's events in the window count at most this many times. */
    public static final int EVENT_BOUND = 50;
    /** Per-segment engagement counts events of the last 30 days. */
    public static final java.time.Duration ENGAGEMENT_WINDOW = java.time.Duration.ofDays(30);
    public static final String DATASET = "events";
    private final InteractionIndex index;
    private final ConsentService consents;
    private final PreferenceService preferences;
    private final Catalog catalog;
    private final BudgetLedger ledger;
    private final int minPeople;
    private final java.time.InstantSource clock;
    private final dev.candor.privacy.dp.IntegerNoise noise;

    DpAnalytics(InteractionIndex index, ConsentService consents, PreferenceService preferences, Catalog catalog, BudgetLedger ledger) {
        this(index, consents, preferences, catalog, ledger, EngineConfig.DEFAULT_MIN_GROUP_SUBJECTS, java.time.InstantSource.system(),
                DiscreteSamplers.secure());
    }

    DpAnalytics(InteractionIndex index, ConsentService consents, PreferenceService preferences, Catalog catalog, BudgetLedger ledger,
                int minPeople, java.time.InstantSource clock, dev.candor.privacy.dp.IntegerNoise noise) {
        this.index = index;
        this.consents = consents;
        this.preferences = preferences;
        this.catalog = catalog;
        this.ledger = ledger;
        this.minPeople = minPeople;
        this.clock = clock;
        this.noise = noise;
    }

    /**
     * One segment's engagement, released: noisy people and noisy bounded event count, each with a 95 %
     * interval, and events per person derived from the two (post-processing) with a conservative
     * interval from the two intervals.
     */
    public record SegmentEngagement(String segment, long people, long[] peopleCi95, long events, long[] eventsCi95,
                                    double eventsPerPerson, double[] eventsPerPersonCi95) {
    }

    /** A per-segment release. {@code shown} holds the segments whose noisy size reached k. */
    public record SegmentRelease(double epsilon, int minPeople, long peopleHalfWidth, long eventsHalfWidth,
                                 List<SegmentEngagement> shown, double budgetRemaining) {
    }

    /**
     * Engagement per community segment, ε-DP. A person's segment is their main interest (the category
     * most of their bounded items are in, as for community signals), so each person is in exactly one
     * segment; they count once in its size and add at most {@value #EVENT_BOUND} of their events of
     * the last 30 days to its event count. Every candidate segment — every non-sensitive catalog
     * category, a public list — gets discrete Laplace noise on both numbers: scale 2/ε on sizes (L1
     * sensitivity 1) and 2·{@value #EVENT_BOUND}/ε on events (L1 sensitivity {@value #EVENT_BOUND}),
     * ε/2 each. Segments whose noisy size is below k are not shown (post-processing of the release).
     */
    public SegmentRelease segments(String analyst, double epsilon) {
        ledger.spend(analyst, DATASET, epsilon);
        Map<String, long[]> acc = new java.util.TreeMap<>();
        for (int i = 0; i < catalog.size(); i++) {
            if (!catalog.isSensitive(i)) {
                for (String c : catalog.item(i).categories()) {
                    acc.putIfAbsent(c.toLowerCase(Locale.ROOT), new long[2]);
                }
            }
        }
        long since = clock.instant().minus(ENGAGEMENT_WINDOW).toEpochMilli();
        forEachPerson((items, history, eligible) -> {
            Map<String, Integer> cats = new HashMap<>();
            items.forEach(i -> catalog.item(i).categories().forEach(c -> cats.merge(c.toLowerCase(Locale.ROOT), 1, Integer::sum)));
            dev.candor.recommend.source.SegmentModel.mainInterest(cats).ifPresent(seg -> {
                long[] a = acc.get(seg);
                if (a == null) {
                    return; // only public candidate segments are released
                }
                int events = 0;
                for (int k = 0; k < history.size() && events < EVENT_BOUND; k++) {
                    if (history.timeMillis(k) >= since && eligible.test(k)) {
                        events++;
                    }
                }
                a[0]++;
                a[1] += events;
            });
        });
        long sizeScaleNum = 2_000_000;
        long eventScaleNum = 2L * EVENT_BOUND * 1_000_000;
        long den = epsilonMicros(epsilon);
        long qp = halfWidthForScale(2 / epsilon);
        long qe = halfWidthForScale(2.0 * EVENT_BOUND / epsilon);
        List<SegmentEngagement> shown = new ArrayList<>();
        acc.forEach((seg, a) -> {
            long p = a[0] + noise.laplace(sizeScaleNum, den);
            long e = a[1] + noise.laplace(eventScaleNum, den);
            if (p < minPeople) {
                return;
            }
            double perPerson = Math.max(0, e) / (double) p;
            double lo = Math.max(0, e - qe) / (double) (p + qp);
            double hi = (e + qe) / (double) Math.max(1, p - qp);
            shown.add(new SegmentEngagement(seg, p, new long[] {p - qp, p + qp}, e, new long[] {e - qe, e + qe}, perPerson,
                    new double[] {lo, hi}));
        });
        shown.sort(Comparator.comparingLong(SegmentEngagement::people).reversed());
        return new SegmentRelease(epsilon, minPeople, qp, qe, shown, ledger.remaining(analyst, DATASET));
    }

    /** A released count: the noised value and a 95 % confidence interval for the true count. */
    public record Count(String key, String label, long noisy, long low, long high) {
    }

    /** A release: what was spent, how, and the counts. */
    public record Release(double epsilon, int contributionBound, long ciHalfWidth, List<Count> counts, double budgetRemaining) {
    }

    public BudgetLedger ledger() {
        return ledger;
    }

    /** The k most popular items by distinct people, ε-DP. */
    public Release topItems(String analyst, double epsilon, int k) {
        ledger.spend(analyst, DATASET, epsilon);
        long[] counts = new long[catalog.size()];
        forEachContribution(items -> items.forEach(i -> counts[i]++));
        List<Count> out = new ArrayList<>(counts.length);
        long q = halfWidth(epsilon);
        for (int i = 0; i < counts.length; i++) {
            if (!catalog.isRecommendable(i) || catalog.isSensitive(i)) {
                continue;
            }
            long noisy = counts[i] + sample(epsilon);
            out.add(new Count(catalog.item(i).id().value(), catalog.item(i).title(), noisy, noisy - q, noisy + q));
        }
        out.sort(Comparator.comparingLong(Count::noisy).reversed());
        return new Release(epsilon, CONTRIBUTION_BOUND, q, out.subList(0, Math.min(k, out.size())), ledger.remaining(analyst, DATASET));
    }

    /** Distinct people per category, ε-DP (each person counts once per category among their bounded items). */
    public Release categories(String analyst, double epsilon) {
        ledger.spend(analyst, DATASET, epsilon);
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < catalog.size(); i++) {
            if (!catalog.isSensitive(i)) {
                for (String c : catalog.item(i).categories()) {
                    counts.putIfAbsent(c.toLowerCase(Locale.ROOT), 0L);
                }
            }
        }
        forEachContribution(items -> {
            Set<String> cats = new LinkedHashSet<>();
            items.forEach(i -> catalog.item(i).categories().forEach(c -> cats.add(c.toLowerCase(Locale.ROOT))));
            cats.forEach(c -> counts.computeIfPresent(c, (x, n) -> n + 1));
        });
        long q = halfWidth(epsilon);
        List<Count> out = new ArrayList<>();
        counts.forEach((c, n) -> {
            long noisy = n + sample(epsilon);
            out.add(new Count(c, c, noisy, noisy - q, noisy + q));
        });
        out.sort(Comparator.comparingLong(Count::noisy).reversed());
        return new Release(epsilon, CONTRIBUTION_BOUND, q, out, ledger.remaining(analyst, DATASET));
    }

    /** Calls {@code sink} once per consenting person with their at most L most recent distinct non-sensitive items. */
    private void forEachContribution(java.util.function.Consumer<List<Integer>> sink) {
        forEachPerson((items, history, eligible) -> sink.accept(items));
    }

    /** A person's bounded items, their history (newest last) and which of its events analytics may use. */
    @FunctionalInterface
    private interface PersonSink {
        void accept(List<Integer> items, dev.candor.profile.History history, java.util.function.IntPredicate eligibleEvent);
    }

    /** As {@link #forEachContribution}, also handing over the person's history. */
    private void forEachPerson(PersonSink sink) {
        index.forEach((subject, history) -> {
            if (!consents.current(subject).allows(Purpose.ANALYTICS)) {
                return;
            }
            Preferences prefs = preferences.get(subject);
            java.util.function.IntPredicate eligible = k -> {
                int i = history.item(k);
                return i < catalog.size() && (!catalog.isSensitive(i) || catalog.sensitivity().mayInferFrom(catalog.item(i), prefs));
            };
            LinkedHashSet<Integer> recent = new LinkedHashSet<>();
            for (int k = history.size() - 1; k >= 0 && recent.size() < CONTRIBUTION_BOUND; k--) {
                if (eligible.test(k)) {
                    recent.add(history.item(k));
                }
            }
            if (!recent.isEmpty()) {
                sink.accept(new ArrayList<>(recent), history, eligible);
            }
        });
    }

    /** Discrete Laplace noise of scale L/ε, ε as a rational with 6 decimals. */
    private long sample(double epsilon) {
        long den = epsilonMicros(epsilon);
        return noise.laplace((long) CONTRIBUTION_BOUND * 1_000_000, den);
    }

    /** {@return ε in micro-units, rounded down, so the noise scale num/den is never below sensitivity/ε} */
    static long epsilonMicros(double epsilon) {
        return Math.max(1, (long) Math.floor(epsilon * 1_000_000));
    }

    /**
     * {@return q with P(|Z| ≥ q) ≤ 5 % for discrete Laplace noise Z of scale b = L/ε}, from
     * P(|Z| ≥ q) = 2 e^{−q/b} / (1 + e^{−1/b}).
     */
    static long halfWidth(double epsilon) {
        return halfWidthForScale(CONTRIBUTION_BOUND / epsilon);
    }

    /** {@return q with P(|Z| ≥ q) ≤ 5 % for discrete Laplace noise of scale b} */
    static long halfWidthForScale(double b) {
        return (long) Math.ceil(b * Math.log(2 / (0.05 * (1 + Math.exp(-1 / b)))));
    }
}
