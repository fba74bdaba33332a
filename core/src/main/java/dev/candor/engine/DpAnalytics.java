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
    public static final String DATASET = "events";
    private final InteractionIndex index;
    private final ConsentService consents;
    private final PreferenceService preferences;
    private final Catalog catalog;
    private final BudgetLedger ledger;
    private final DiscreteSamplers noise = DiscreteSamplers.secure();

    DpAnalytics(InteractionIndex index, ConsentService consents, PreferenceService preferences, Catalog catalog, BudgetLedger ledger) {
        this.index = index;
        this.consents = consents;
        this.preferences = preferences;
        this.catalog = catalog;
        this.ledger = ledger;
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
        index.forEach((subject, history) -> {
            if (!consents.current(subject).allows(Purpose.ANALYTICS)) {
                return;
            }
            Preferences prefs = preferences.get(subject);
            LinkedHashSet<Integer> recent = new LinkedHashSet<>();
            for (int k = history.size() - 1; k >= 0 && recent.size() < CONTRIBUTION_BOUND; k--) {
                int i = history.item(k);
                if (i < catalog.size() && (!catalog.isSensitive(i) || catalog.sensitivity().mayInferFrom(catalog.item(i), prefs))) {
                    recent.add(i);
                }
            }
            if (!recent.isEmpty()) {
                sink.accept(new ArrayList<>(recent));
            }
        });
    }

    /** Discrete Laplace noise of scale L/ε, ε as a rational with 6 decimals. */
    private long sample(double epsilon) {
        long den = Math.max(1, Math.round(epsilon * 1_000_000));
        return noise.laplace((long) CONTRIBUTION_BOUND * 1_000_000, den);
    }

    /**
     * {@return q with P(|Z| ≥ q) ≤ 5 % for discrete Laplace noise Z of scale b = L/ε}, from
     * P(|Z| ≥ q) = 2 e^{−q/b} / (1 + e^{−1/b}).
     */
    static long halfWidth(double epsilon) {
        double b = CONTRIBUTION_BOUND / epsilon;
        return (long) Math.ceil(b * Math.log(2 / (0.05 * (1 + Math.exp(-1 / b)))));
    }
}
