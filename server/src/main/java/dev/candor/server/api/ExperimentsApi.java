package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.experiment.Analysis;
import dev.candor.experiment.Comparison;
import dev.candor.experiment.Experiment;
import dev.candor.experiment.ExperimentConflictException;
import dev.candor.experiment.ExperimentId;
import dev.candor.experiment.ExperimentMetric;
import dev.candor.experiment.ExperimentResults;
import dev.candor.experiment.Guardrail;
import dev.candor.experiment.GuardrailBreach;
import dev.candor.experiment.Interval;
import dev.candor.experiment.MeanEstimate;
import dev.candor.experiment.RateEstimate;
import dev.candor.experiment.Strategy;
import dev.candor.experiment.Variant;
import dev.candor.experiment.VariantResult;
import dev.candor.model.Scope;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import io.helidon.http.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Experiments: define (admin), list, read and stop them, and read their results with confidence
 * intervals, the always-valid sequential test and guardrail breaches (admin or analyst). The JSON
 * shapes are documented in docs/api.md and openapi.yaml.
 */
public final class ExperimentsApi {
    private static final Set<String> FIELDS = Set.of("id", "name", "surfaces", "variants", "guardrails", "alpha", "mixing_sd", "start", "stop");

    private ExperimentsApi() {
    }

    public static void register(RouteTable t) {
        Set<Scope> read = Set.of(Scope.ADMIN, Scope.ANALYST);
        t.add(Method.POST, "/v1/experiments", Set.of(Scope.ADMIN), ExperimentsApi::create);
        t.add(Method.GET, "/v1/experiments", read, ExperimentsApi::list);
        t.add(Method.GET, "/v1/experiments/{id}", read, ExperimentsApi::get);
        t.add(Method.GET, "/v1/experiments/{id}/results", read, ExperimentsApi::results);
        t.add(Method.POST, "/v1/experiments/{id}/stop", Set.of(Scope.ADMIN), ExperimentsApi::stop);
    }

    private static void create(Call c) {
        JsonNode body = Fields.requireObject(c.body(), "the body");
        Fields.onlyFields(body, FIELDS);
        Instant now = c.ctx().engine().clock().instant();
        Experiment e = parse(c, body, now);
        c.ctx().engine().experiments().conflict(e).ifPresent(x -> {
            throw conflict(x);
        });
        c.audit("experiment.create", Optional.empty(), Map.of("experiment", e.id().value(), "variants",
                Integer.toString(e.variants().size())));
        try {
            c.ctx().engine().experiments().create(e);
        } catch (ExperimentConflictException x) {
            throw conflict(x); // lost a race with another request
        }
        c.json(201, view(e, now));
    }

    private static ApiError conflict(ExperimentConflictException x) {
        boolean taken = x.kind() == ExperimentConflictException.Kind.ID_TAKEN;
        return new ApiError(409, taken ? "EXPERIMENT_EXISTS" : "EXPERIMENT_OVERLAP", x.getMessage(), taken ? "id" : "surfaces");
    }

    static Experiment parse(Call c, JsonNode body, Instant now) {
        String id = Fields.optionalString(body, "id").orElseGet(() -> "exp-" + java.util.UUID.randomUUID().toString().substring(0, 13));
        ExperimentId eid = field("id", () -> ExperimentId.of(id));
        String name = Fields.requiredString(body, "name");
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.badRequest("INVALID_VALUE", "name must be 1 to 200 characters without control characters", "name");
        }
        List<String> surfaces = Fields.stringList(body, "surfaces", Experiment.MAX_SURFACES);
        if (new HashSet<>(surfaces).size() != surfaces.size()) {
            throw ApiError.badRequest("INVALID_VALUE", "surfaces must be distinct", "surfaces");
        }
        JsonNode vs = body.get("variants");
        if (vs == null || vs.isNull()) {
            throw ApiError.badRequest("MISSING_FIELD", "variants is required: 2 to " + Experiment.MAX_VARIANTS
                    + " objects {name, strategy, weight?, collections?}; the first is the control", "variants");
        }
        if (!vs.isArray()) {
            throw ApiError.badRequest("INVALID_TYPE", "variants must be an array of objects", "variants");
        }
        if (vs.size() < 2 || vs.size() > Experiment.MAX_VARIANTS) {
            throw ApiError.badRequest("INVALID_VALUE", "an experiment needs 2 to " + Experiment.MAX_VARIANTS + " variants", "variants");
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < vs.size(); i++) {
            variants.add(variant(c, vs.get(i), "variants[" + i + "]"));
            if (!names.add(variants.getLast().name())) {
                throw ApiError.badRequest("INVALID_VALUE", "variant names must be unique", "variants[" + i + "].name");
            }
        }
        List<Guardrail> guardrails = guardrails(body.get("guardrails"));
        OptionalDouble alpha = Fields.optionalNumber(body, "alpha");
        OptionalDouble tau = Fields.optionalNumber(body, "mixing_sd");
        Analysis analysis = field(alpha.isPresent() ? "alpha" : "mixing_sd", () -> new Analysis(alpha.orElse(Analysis.DEFAULT.alpha()),
                tau.orElse(Analysis.DEFAULT.mixingSd())));
        Instant start = Fields.optionalTimestamp(body, "start").orElse(now);
        Optional<Instant> stop = Fields.optionalTimestamp(body, "stop");
        if (stop.isPresent() && !stop.get().isAfter(start)) {
            throw ApiError.badRequest("INVALID_VALUE", "stop must be after start", "stop");
        }
        if (stop.isPresent() && !stop.get().isAfter(now)) {
            throw ApiError.badRequest("INVALID_VALUE", "stop must be in the future", "stop");
        }
        return field("variants", () -> new Experiment(eid, name, variants, guardrails, analysis, start, stop, new HashSet<>(surfaces)));
    }

    private static Variant variant(Call c, JsonNode v, String at) {
        if (v == null || !v.isObject()) {
            throw ApiError.badRequest("INVALID_TYPE", "each variant must be an object {name, strategy, weight?, collections?}", at);
        }
        Fields.onlyFields(v, Set.of("name", "strategy", "weight", "collections"));
        String name = Fields.optionalString(v, "name").orElseThrow(() -> ApiError.badRequest("MISSING_FIELD", "name is required", at + ".name"));
        String raw = Fields.optionalString(v, "strategy")
                .orElseThrow(() -> ApiError.badRequest("MISSING_FIELD", "strategy is required", at + ".strategy"));
        Strategy strategy = Strategy.fromWire(raw).orElseThrow(() -> ApiError.badRequest("INVALID_VALUE", "strategy must be one of "
                + Arrays.stream(Strategy.values()).map(Strategy::wireName).toList(), at + ".strategy"));
        double weight = Fields.optionalNumber(v, "weight").orElse(1.0);
        List<String> collections = Fields.stringList(v, "collections", Variant.MAX_COLLECTIONS);
        for (int k = 0; k < collections.size(); k++) {
            String id = collections.get(k);
            if (!dev.candor.model.CuratedCollection.isValidId(id) || c.ctx().engine().collection(id).isEmpty()) {
                throw ApiError.badRequest("UNKNOWN_COLLECTION", "no curated collection has this id; create it with PUT /v1/collections/{id}",
                        at + ".collections[" + k + "]");
            }
        }
        if (strategy.usesCurated() && collections.isEmpty() && c.ctx().engine().collections().isEmpty()) {
            throw ApiError.badRequest("UNKNOWN_COLLECTION", "a curated strategy needs at least one curated collection; "
                    + "create one with PUT /v1/collections/{id}", at + ".collections");
        }
        return field(at, () -> new Variant(name, weight, strategy, collections));
    }

    private static List<Guardrail> guardrails(JsonNode gs) {
        if (gs == null || gs.isNull()) {
            return Guardrail.defaults();
        }
        if (!gs.isArray()) {
            throw ApiError.badRequest("INVALID_TYPE", "guardrails must be an array of objects {metric, max_rate?, compare_with_control?}",
                    "guardrails");
        }
        List<String> trust = Arrays.stream(ExperimentMetric.values()).filter(ExperimentMetric::isTrustSignal)
                .map(ExperimentMetric::wireName).toList();
        List<Guardrail> out = new ArrayList<>();
        Set<ExperimentMetric> seen = new HashSet<>();
        for (int i = 0; i < gs.size(); i++) {
            String at = "guardrails[" + i + "]";
            JsonNode g = gs.get(i);
            if (!g.isObject()) {
                throw ApiError.badRequest("INVALID_TYPE", "each guardrail must be an object {metric, max_rate?, compare_with_control?}", at);
            }
            Fields.onlyFields(g, Set.of("metric", "max_rate", "compare_with_control"));
            String m = Fields.optionalString(g, "metric").orElseThrow(() -> ApiError.badRequest("MISSING_FIELD", "metric is required", at + ".metric"));
            ExperimentMetric metric = Arrays.stream(ExperimentMetric.values()).filter(x -> x.wireName().equals(m) && x.isTrustSignal())
                    .findFirst().orElseThrow(() -> ApiError.badRequest("INVALID_VALUE", "metric must be one of " + trust, at + ".metric"));
            if (!seen.add(metric)) {
                throw ApiError.badRequest("INVALID_VALUE", "at most one guardrail per metric", at + ".metric");
            }
            OptionalDouble max = Fields.optionalNumber(g, "max_rate");
            boolean versus = Fields.optionalBoolean(g, "compare_with_control").orElse(true);
            out.add(field(at, () -> new Guardrail(metric, max.isPresent() ? Optional.of(max.getAsDouble()) : Optional.empty(), versus)));
        }
        return out;
    }

    /** Runs a record constructor, turning its validation message into a 400 naming {@code field}. */
    private static <T> T field(String field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("INVALID_VALUE", e.getMessage(), field);
        }
    }

    private static Experiment experiment(Call c) {
        String raw = c.path("id");
        ExperimentId id;
        try {
            id = ExperimentId.of(raw);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("INVALID_EXPERIMENT", "experiment ids are 1 to 64 characters of [A-Za-z0-9_.-]", "id");
        }
        return c.ctx().engine().experiments().experiment(id)
                .orElseThrow(() -> ApiError.notFound("UNKNOWN_EXPERIMENT", "no experiment has this id"));
    }

    private static void list(Call c) {
        Instant now = c.ctx().engine().clock().instant();
        c.json(200, Map.of("experiments", c.ctx().engine().experiments().experiments().stream().map(e -> view(e, now)).toList()));
    }

    private static void get(Call c) {
        c.json(200, view(experiment(c), c.ctx().engine().clock().instant()));
    }

    private static void stop(Call c) {
        if (c.req().headers().contentLength().orElse(0L) > 0) {
            Fields.onlyFields(Fields.requireObject(c.body(), "the body"), Set.of()); // no body, or {}
        }
        Experiment e = experiment(c);
        Instant now = c.ctx().engine().clock().instant();
        if (e.status(now) == Experiment.Status.STOPPED) {
            throw new ApiError(409, "EXPERIMENT_STOPPED", "the experiment has already stopped", null);
        }
        c.audit("experiment.stop", Optional.empty(), Map.of("experiment", e.id().value()));
        Experiment stopped;
        try {
            stopped = c.ctx().engine().experiments().stop(e.id()).orElseThrow(
                    () -> ApiError.notFound("UNKNOWN_EXPERIMENT", "no experiment has this id"));
        } catch (IllegalStateException x) {
            throw new ApiError(409, "EXPERIMENT_STOPPED", "the experiment has already stopped", null);
        }
        c.json(200, view(stopped, stopped.stop().orElse(now)));
    }

    private static void results(Call c) {
        Experiment e = experiment(c);
        ExperimentResults r = c.ctx().engine().experiments().results(e.id())
                .orElseThrow(() -> ApiError.notFound("UNKNOWN_EXPERIMENT", "no experiment has this id"));
        c.json(200, results(e, r));
    }

    /** {@return an experiment's definition as JSON} */
    public static Map<String, Object> view(Experiment e, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id().value());
        m.put("name", e.name());
        m.put("status", e.status(now).wireName());
        m.put("surfaces", List.copyOf(e.surfaces()));
        m.put("start", e.start().toString());
        m.put("stop", e.stop().map(Instant::toString).orElse(null));
        m.put("control", e.control().name());
        double total = e.variants().stream().mapToDouble(Variant::weight).sum();
        m.put("variants", e.variants().stream().map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("name", v.name());
            vm.put("strategy", v.strategy().wireName());
            vm.put("weight", v.weight());
            vm.put("share", v.weight() / total);
            vm.put("collections", v.collections());
            return vm;
        }).toList());
        m.put("guardrails", e.guardrails().stream().map(g -> {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("metric", g.metric().wireName());
            gm.put("max_rate", g.maxRate().orElse(null));
            gm.put("compare_with_control", g.compareWithControl());
            return gm;
        }).toList());
        m.put("alpha", e.analysis().alpha());
        m.put("mixing_sd", e.analysis().mixingSd());
        m.put("results", "/v1/experiments/" + e.id().value() + "/results");
        return m;
    }

    /** {@return an experiment's results as JSON} */
    public static Map<String, Object> results(Experiment e, ExperimentResults r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", r.experiment().value());
        m.put("name", r.name());
        m.put("at", r.at().toString());
        m.put("status", e.status(r.at()).wireName());
        m.put("alpha", r.analysis().alpha());
        m.put("confidence", 1 - r.analysis().alpha());
        m.put("mixing_sd", r.analysis().mixingSd());
        m.put("control", e.control().name());
        m.put("variants", r.variants().stream().map(v -> variant(v, r.breaches())).toList());
        m.put("breaches", r.breaches().stream().map(ExperimentsApi::breach).toList());
        m.put("breached", r.hasBreach());
        return m;
    }

    private static Map<String, Object> variant(VariantResult v, List<GuardrailBreach> breaches) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.variant().name());
        m.put("strategy", v.variant().strategy().wireName());
        m.put("control", v.control());
        m.put("impressions", v.impressions());
        m.put("participants", v.subjects());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (ExperimentMetric metric : ExperimentMetric.values()) {
            metrics.put(metric.wireName(), rate(v.rate(metric)));
        }
        m.put("metrics", metrics);
        m.put("revenue_per_impression", v.revenuePerImpression().map(ExperimentsApi::mean).orElse(null));
        Map<String, Object> versus = new LinkedHashMap<>();
        v.versusControl().forEach((metric, cmp) -> versus.put(metric.wireName(), comparison(cmp)));
        m.put("versus_control", v.control() ? null : versus);
        m.put("revenue_versus_control", v.revenueVersusControl().map(ExperimentsApi::mean).orElse(null));
        m.put("breached", breaches.stream().filter(b -> b.variant().equals(v.variant().name())).map(b -> b.metric().wireName())
                .distinct().toList());
        return m;
    }

    private static Map<String, Object> rate(RateEstimate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", r.count());
        m.put("trials", r.trials());
        m.put("unit", r.metric().unit().name().toLowerCase(Locale.ROOT));
        m.put("rate", r.rate());
        m.put("ci", interval(r.confidence()));
        m.put("always_valid_ci", interval(r.alwaysValid()));
        return m;
    }

    private static Map<String, Object> comparison(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lift", c.difference());
        m.put("relative_lift", c.relativeLift().orElse(null));
        m.put("ci", interval(c.confidence()));
        m.put("always_valid_ci", interval(c.alwaysValid()));
        m.put("p_value", c.pValue());
        m.put("significant", c.significantlyHigher() ? "higher" : c.significantlyLower() ? "lower" : "no");
        return m;
    }

    private static Map<String, Object> mean(MeanEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", e.n());
        m.put("mean", e.mean());
        m.put("ci", interval(e.confidence()));
        return m;
    }

    private static Map<String, Object> breach(GuardrailBreach b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", b.variant());
        m.put("metric", b.metric().wireName());
        m.put("kind", b.kind().wireName());
        m.put("rate", b.rate());
        m.put("reference", b.reference());
        m.put("always_valid_ci", interval(b.alwaysValid()));
        m.put("message", b.message());
        return m;
    }

    /** {@return [lower, upper]; an unbounded end is null (JSON has no infinity)} */
    static List<Double> interval(Interval i) {
        return Arrays.asList(Double.isFinite(i.lower()) ? i.lower() : null, Double.isFinite(i.upper()) ? i.upper() : null);
    }
}
