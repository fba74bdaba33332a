package dev.candor.server.api;

import dev.candor.engine.DpAnalytics;
import dev.candor.model.Scope;
import dev.candor.privacy.dp.BudgetLedger;
import dev.candor.server.ApiError;
import io.helidon.http.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Differentially private analytics (scope analyst or admin): each query names its ε, spends it from
 * the calling key's budget first, and answers with noised counts and 95 % confidence intervals.
 * Past budget: 403 {@code PRIVACY_BUDGET_EXHAUSTED}.
 */
public final class AnalyticsApi {
    private AnalyticsApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/v1/analytics/top-items", Set.of(Scope.ANALYST), c -> release(c, "top_items"));
        t.add(Method.GET, "/v1/analytics/categories", Set.of(Scope.ANALYST), c -> release(c, "categories"));
        t.add(Method.GET, "/v1/analytics/segments", Set.of(Scope.ANALYST), AnalyticsApi::segments);
        t.add(Method.GET, "/v1/analytics/budget", Set.of(Scope.ANALYST), AnalyticsApi::budget);
    }

    private static double epsilon(Call c) {
        String raw = c.query("epsilon").orElseThrow(() -> ApiError.badRequest("MISSING_PARAMETER", "epsilon is required", "epsilon"));
        try {
            double e = Double.parseDouble(raw);
            if (!(e >= 0.01 && e <= 10)) {
                throw ApiError.badRequest("INVALID_PARAMETER", "epsilon must be between 0.01 and 10", "epsilon");
            }
            return e;
        } catch (NumberFormatException ex) {
            throw ApiError.badRequest("INVALID_PARAMETER", "epsilon must be a number", "epsilon");
        }
    }

    private static void release(Call c, String what) {
        double epsilon = epsilon(c);
        int k = c.intQuery("k", 10, 1, 100);
        DpAnalytics analytics = c.ctx().engine().analytics();
        DpAnalytics.Release r;
        try {
            r = what.equals("top_items") ? analytics.topItems(c.actor(), epsilon, k) : analytics.categories(c.actor(), epsilon);
        } catch (BudgetLedger.BudgetExhaustedException e) {
            throw new ApiError(403, BudgetLedger.BudgetExhaustedException.CODE, e.getMessage(), "epsilon");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("epsilon", r.epsilon());
        out.put("delta", 0);
        out.put("mechanism", "discrete Laplace, scale " + r.contributionBound() + "/ε; each person contributes at most "
                + r.contributionBound() + " items");
        out.put("confidence", 0.95);
        out.put(what, r.counts().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", x.key());
            m.put("label", x.label());
            m.put("count", x.noisy());
            m.put("ci95", new long[] {x.low(), x.high()});
            return m;
        }).toList());
        out.put("budget", Map.of("dataset", DpAnalytics.DATASET, "total", analytics.ledger().budget(), "remaining", r.budgetRemaining()));
        c.json(200, out);
    }

    /** Engagement per community segment: noisy sizes and bounded event counts with 95 % intervals, segments of ≥ k people. */
    private static void segments(Call c) {
        double epsilon = epsilon(c);
        DpAnalytics analytics = c.ctx().engine().analytics();
        DpAnalytics.SegmentRelease r;
        try {
            r = analytics.segments(c.actor(), epsilon);
        } catch (BudgetLedger.BudgetExhaustedException e) {
            throw new ApiError(403, BudgetLedger.BudgetExhaustedException.CODE, e.getMessage(), "epsilon");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("epsilon", r.epsilon());
        out.put("delta", 0);
        out.put("mechanism", "discrete Laplace: scale 2/ε on each segment's people (a person is in one segment: their main interest), "
                + "scale 2·" + DpAnalytics.EVENT_BOUND + "/ε on its events of the last 30 days (each person's capped at "
                + DpAnalytics.EVENT_BOUND + "); every catalog category is a candidate, shown only when its noisy size is at least "
                + r.minPeople());
        out.put("confidence", 0.95);
        out.put("min_people", r.minPeople());
        out.put("window_days", DpAnalytics.ENGAGEMENT_WINDOW.toDays());
        out.put("segments", r.shown().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segment", x.segment());
            m.put("label", "people who mostly like " + x.segment());
            m.put("people", Map.of("count", x.people(), "ci95", x.peopleCi95()));
            m.put("events", Map.of("count", x.events(), "ci95", x.eventsCi95()));
            m.put("events_per_person", Map.of("value", x.eventsPerPerson(), "ci95", x.eventsPerPersonCi95()));
            return m;
        }).toList());
        out.put("budget", Map.of("dataset", DpAnalytics.DATASET, "total", analytics.ledger().budget(), "remaining", r.budgetRemaining()));
        c.json(200, out);
    }

    private static void budget(Call c) {
        BudgetLedger ledger = c.ctx().engine().analytics().ledger();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", DpAnalytics.DATASET);
        out.put("total", ledger.budget());
        out.put("remaining", ledger.remaining(c.actor(), DpAnalytics.DATASET));
        out.put("community", c.ctx().engine().communityPrivacy());
        c.json(200, out);
    }
}
