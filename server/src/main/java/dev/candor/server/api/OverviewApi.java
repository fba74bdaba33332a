package dev.candor.server.api;

import dev.candor.engine.Engine;
import dev.candor.model.Scope;
import dev.candor.monitor.TrustMetrics;
import dev.candor.profile.DecayPolicy;
import dev.candor.server.ApiError;
import io.helidon.http.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The console's overview (scope admin or analyst): per day or hour, the events stored by type, the
 * recommendation responses and items served, and the click-through rate. Aggregates only; nothing
 * about any one person.
 *
 * <p>Events are counted from the live index (what is stored now, by the time each event happened:
 * deleted and expired events are gone). Responses, items served and the trust metrics of each
 * bucket come from the engine's trust monitor ({@code TrustMonitor.window} over the bucket's
 * hours, the same figures as {@code GET /v1/trust/metrics}), which keeps 30 days: older buckets
 * carry {@code null} for them ({@code served_since} says from when they are kept), not 0. The CTR
 * of a bucket is its click events over its items served: clicks are not matched to the response
 * they came from, so clicks from elsewhere in the host's product count too.
 */
public final class OverviewApi {
    /** The most days, and hours, one overview covers. */
    static final int MAX_DAYS = 90;
    static final int MAX_HOURS = 168;

    private OverviewApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/v1/overview", Set.of(Scope.ADMIN, Scope.ANALYST), OverviewApi::overview);
    }

    private static void overview(Call c) {
        if (c.query("days").isPresent() && c.query("hours").isPresent()) {
            throw ApiError.badRequest("INVALID_PARAMETER", "give days or hours, not both", "hours");
        }
        boolean hourly = c.query("hours").isPresent();
        int n = hourly ? c.intQuery("hours", 48, 1, MAX_HOURS) : c.intQuery("days", 14, 1, MAX_DAYS);
        ChronoUnit unit = hourly ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Engine engine = c.ctx().engine();
        Instant now = engine.clock().instant();
        Instant to = now.truncatedTo(unit).plus(1, unit);
        Instant from = to.minus(n, unit);
        c.json(200, view(engine, from, to, unit));
    }

    /** The overview of [from, to) in buckets of {@code unit} (hours or days, UTC). */
    static Map<String, Object> view(Engine engine, Instant from, Instant to, ChronoUnit unit) {
        long step = Duration.of(1, unit).toMillis();
        int n = (int) ((to.toEpochMilli() - from.toEpochMilli()) / step);
        List<Map<String, Long>> events = eventCounts(engine, from.toEpochMilli(), step, n);
        Instant servedSince = engine.monitoring().trust().oldestKept(engine.clock().instant());
        engine.monitoring().sample();
        List<Map<String, Object>> buckets = new ArrayList<>();
        long totalEvents = 0;
        long totalClicks = 0;
        long totalResponses = 0;
        long totalServed = 0;
        long measuredClicks = 0;
        for (int b = 0; b < n; b++) {
            Instant start = from.plusMillis(b * step);
            Instant end = start.plusMillis(step);
            boolean measured = !start.isBefore(servedSince);
            TrustMetrics trust = measured ? engine.monitoring().trust().window(start, end) : null;
            long responses = measured ? trust.responses() : 0;
            long served = measured ? trust.itemsServed() : 0;
            long clicks = events.get(b).getOrDefault("click", 0L);
            long sum = events.get(b).values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", start.toString());
            m.put("events", events.get(b));
            m.put("events_total", sum);
            m.put("clicks", clicks);
            m.put("responses", measured ? responses : null);
            m.put("items_served", measured ? served : null);
            m.put("ctr", measured && served > 0 ? clicks / (double) served : null);
            m.put("trust", measured ? TrustApi.metrics(trust) : null);
            buckets.add(m);
            totalEvents += sum;
            totalClicks += clicks;
            if (measured) {
                totalResponses += responses;
                totalServed += served;
                if (served > 0) {
                    measuredClicks += clicks; // clicks in periods when nothing was served are not clicks on recommendations
                }
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("events", totalEvents);
        totals.put("clicks", totalClicks);
        totals.put("responses", totalResponses);
        totals.put("items_served", totalServed);
        totals.put("ctr", totalServed > 0 ? measuredClicks / (double) totalServed : null);
        totals.put("trust", TrustApi.metrics(engine.monitoring().trust().window(from.isBefore(servedSince) ? servedSince : from, to)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bucket", unit == ChronoUnit.HOURS ? "hour" : "day");
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("served_since", servedSince.toString());
        out.put("buckets", buckets);
        out.put("totals", totals);
        out.put("ctr_definition", "click events per item served in the same " + (unit == ChronoUnit.HOURS ? "hour" : "day")
                + "; clicks are not matched to the response they came from");
        return out;
    }

    /** {@return per bucket, the events held now that happened in it, by type} */
    private static List<Map<String, Long>> eventCounts(Engine engine, long fromMillis, long step, int n) {
        List<Map<String, Long>> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            out.add(new TreeMap<>());
        }
        DecayPolicy decay = engine.config().decay();
        long toMillis = fromMillis + step * n;
        engine.index().forEach((subject, history) -> {
            for (int k = 0; k < history.size(); k++) {
                long t = history.timeMillis(k);
                if (t >= fromMillis && t < toMillis) {
                    String type = decay.kind(history.kind(k)).type().name();
                    out.get((int) ((t - fromMillis) / step)).merge(type, 1L, Long::sum);
                }
            }
        });
        return out;
    }
}
