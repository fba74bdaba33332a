package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.consent.DropReason;
import dev.candor.engine.Engine;
import dev.candor.engine.Fairness;
import dev.candor.model.Purpose;
import dev.candor.model.Scope;
import dev.candor.monitor.FairnessReport;
import dev.candor.monitor.TrustMetrics;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import dev.candor.trust.Dimension;
import dev.candor.trust.DimensionScore;
import dev.candor.trust.Questionnaire;
import dev.candor.trust.SelfAssessmentInputs;
import dev.candor.trust.TrustAssessment;
import dev.candor.trust.TrustCalculator;
import io.helidon.http.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trust metrics over time, exposure fairness, and the trust calculator: the questionnaire, an
 * assessment of any answers, and the self-assessment of this deployment (admin or analyst). Every
 * figure here is an aggregate; nothing names a person. JSON shapes: docs/api.md.
 */
public final class TrustApi {
    /** The longest window of {@code GET /v1/trust/metrics}: what the monitor keeps. */
    static final Duration MAX_WINDOW = Duration.ofDays(30);

    private TrustApi() {
    }

    public static void register(RouteTable t) {
        Set<Scope> read = Set.of(Scope.ADMIN, Scope.ANALYST);
        t.add(Method.GET, "/v1/trust/metrics", read, TrustApi::metrics);
        t.add(Method.GET, "/v1/trust/score", read, TrustApi::score);
        t.add(Method.GET, "/v1/trust/questionnaire", read, TrustApi::questionnaire);
        t.add(Method.POST, "/v1/trust/assess", read, TrustApi::assess);
        t.add(Method.GET, "/v1/fairness", read, TrustApi::fairness);
    }

    private static Optional<Instant> instant(Call c, String name) {
        return c.query(name).map(v -> {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("INVALID_PARAMETER", name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z", name);
            }
        });
    }

    /** {@code ?from=&to=} (ISO instants; default the last 24 hours; at most 30 days) → totals and hourly series. */
    private static void metrics(Call c) {
        Engine engine = c.ctx().engine();
        Instant now = engine.clock().instant();
        Instant to = instant(c, "to").orElse(now);
        Instant from = instant(c, "from").orElse(to.minus(Duration.ofHours(24)));
        if (!from.isBefore(to)) {
            throw ApiError.badRequest("INVALID_PARAMETER", "from must be before to", "from");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw ApiError.badRequest("INVALID_PARAMETER", "the window is at most 30 days", "from");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("bucket_seconds", engine.monitoring().trust().bucket().toSeconds());
        out.put("total", metrics(engine.monitoring().window(from, to)));
        out.put("series", engine.monitoring().series(from, to).stream().map(TrustApi::metrics).toList());
        c.json(200, out);
    }

    static Map<String, Object> metrics(TrustMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", m.from().toString());
        out.put("to", m.to().toString());
        out.put("subjects_with_consent", m.subjectsWithConsent());
        Map<String, Object> rates = new LinkedHashMap<>();
        for (Purpose p : Purpose.values()) {
            rates.put(p.wireName(), m.consentRate().get(p));
        }
        out.put("consent_rate", rates);
        out.put("opt_outs", m.optOuts());
        out.put("opt_out_rate", m.optOutRate().orElse(null));
        out.put("responses", m.responses());
        out.put("items_served", m.itemsServed());
        out.put("items_explained", m.itemsExplained());
        out.put("explanation_coverage", m.explanationCoverage().orElse(null));
        out.put("complaints", m.complaints());
        out.put("complaint_rate", m.complaintRate().orElse(null));
        out.put("erasures", m.erasures());
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", m.erasureP50().map(Duration::toMillis).orElse(null));
        latency.put("p99", m.erasureP99().map(Duration::toMillis).orElse(null));
        out.put("erasure_latency_ms", latency);
        out.put("events_accepted", m.eventsAccepted());
        out.put("events_rejected", m.eventsRejected());
        Map<String, Object> dropped = new LinkedHashMap<>();
        for (DropReason r : DropReason.values()) {
            dropped.put(r.wireName(), m.eventsDropped().getOrDefault(r, 0L));
        }
        out.put("events_dropped", dropped);
        out.put("events_dropped_total", m.eventsDroppedTotal());
        out.put("dropped_share", m.droppedShare().orElse(null));
        out.put("rejected_share", m.rejectedShare().orElse(null));
        return out;
    }

    /** {@code ?days=} (1–30, default 7): the window of live metrics the self-assessment reads. */
    private static void score(Call c) {
        Engine engine = c.ctx().engine();
        int days = c.intQuery("days", 7, 1, 30);
        SelfAssessmentInputs in = engine.selfAssessmentInputs(Duration.ofDays(days));
        Map<String, Object> out = assessment(TrustCalculator.selfAssess(in));
        out.put("assessed_at", engine.clock().instant().toString());
        out.put("window_days", days);
        out.put("inputs", inputs(in, engine));
        c.json(200, out);
    }

    /** {@return what the self-assessment observed, so a reader can check each finding} */
    public static Map<String, Object> inputs(SelfAssessmentInputs in, Engine engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("explanations", in.explanationsEnabled());
        m.put("consent_default", engine.config().posture().consentDefault().wireName());
        m.put("retention_configured", in.retentionConfigured());
        m.put("decay_configured", in.decayConfigured());
        m.put("sensitive_categories", in.sensitiveCategories());
        m.put("k_anonymity", in.kAnonymity());
        m.put("curated_collections", in.curatedCollections());
        m.put("audit_log", in.auditLog());
        m.put("trust_monitoring", in.trustMonitoring());
        m.put("experiment_guardrails", in.experimentGuardrails());
        m.put("explanation_coverage", in.explanationCoverage().orElse(null));
        m.put("opt_out_rate", in.optOutRate().orElse(null));
        m.put("complaint_rate", in.complaintRate().orElse(null));
        m.put("rejected_event_rate", in.rejectedEventRate().orElse(null));
        return m;
    }

    public static Map<String, Object> assessment(TrustAssessment a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("overall", a.overall());
        out.put("dimensions", a.dimensions().stream().map(TrustApi::dimension).toList());
        return out;
    }

    private static Map<String, Object> dimension(DimensionScore d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", d.dimension().wireName());
        m.put("name", d.name());
        m.put("score", d.score());
        m.put("findings", d.findings().stream().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("status", f.status().wireName());
            fm.put("text", f.text());
            fm.put("evidence", f.evidence());
            return fm;
        }).toList());
        return m;
    }

    private static void questionnaire(Call c) {
        c.json(200, questionnaire());
    }

    /** {@return the questionnaire: dimensions, questions with their allowed answers and what each earns} */
    public static Map<String, Object> questionnaire() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dimensions", java.util.Arrays.stream(Dimension.values()).map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dimension", d.wireName());
            m.put("name", d.label());
            return m;
        }).toList());
        out.put("questions", Questionnaire.QUESTIONS.stream().map(q -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", q.id());
            m.put("dimension", q.dimension().wireName());
            m.put("points", q.points());
            m.put("text", q.text());
            m.put("answers", q.allowed().stream().map(a -> {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("value", a.value());
                am.put("credit", a.credit());
                am.put("finding", a.finding());
                return am;
            }).toList());
            m.put("evidence", q.figure().map(f -> f.citation()).orElse(null));
            return m;
        }).toList());
        return out;
    }

    /** {@code {"answers": {question id: answer value}}} → the assessment. Unanswered questions earn nothing. */
    private static void assess(Call c) {
        JsonNode body = Fields.requireObject(c.body(), "the body");
        Fields.onlyFields(body, Set.of("answers"));
        c.json(200, assessment(TrustCalculator.assess(parseAnswers(body.get("answers")))));
    }

    /** {@return the questionnaire from a JSON object of question id → answer, or a 400 naming the first bad field} */
    public static Questionnaire parseAnswers(JsonNode answers) {
        if (answers == null || answers.isNull()) {
            throw ApiError.badRequest("MISSING_FIELD", "answers is required: an object of question id to answer value "
                    + "(GET /v1/trust/questionnaire lists them)", "answers");
        }
        if (!answers.isObject()) {
            throw ApiError.badRequest("INVALID_TYPE", "answers must be an object of question id to answer value", "answers");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "answers." + Fields.safeName(e.getKey());
            Questionnaire.Question q = Questionnaire.question(e.getKey()).orElseThrow(() -> ApiError.badRequest("UNKNOWN_QUESTION",
                    "no question has this id (GET /v1/trust/questionnaire lists them)", field));
            if (!e.getValue().isTextual()) {
                throw ApiError.badRequest("INVALID_TYPE", "each answer must be a string", field);
            }
            if (q.answer(e.getValue().textValue()).isEmpty()) {
                throw ApiError.badRequest("INVALID_ANSWER", "answer must be one of "
                        + q.allowed().stream().map(Questionnaire.Answer::value).toList(), field);
            }
            m.put(e.getKey(), e.getValue().textValue());
        }
        return new Questionnaire(m);
    }

    /** {@code ?days=} (1–30, default 30) {@code &sample=} (0–1000 users, default 200). */
    private static void fairness(Call c) {
        int days = c.intQuery("days", 30, 1, 30);
        int sample = c.intQuery("sample", 200, 0, Engine.MAX_CALIBRATION_SAMPLE);
        Fairness f = c.ctx().engine().fairness(days, sample);
        c.json(200, fairness(f));
    }

    static Map<String, Object> fairness(Fairness f) {
        FairnessReport r = f.report();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", f.from().toString());
        out.put("to", f.to().toString());
        out.put("items_served", r.itemsServed());
        out.put("catalog_size", r.catalogSize());
        out.put("catalog_coverage", r.coverage());
        out.put("gini", r.gini());
        out.put("exposure_by_popularity_decile", r.byPopularityDecile().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.<String, Object>of("decile", e.getKey(), "share", e.getValue())).toList());
        out.put("exposure_by_category", r.byCategory().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> Map.<String, Object>of("category", e.getKey(), "share", e.getValue())).toList());
        Map<String, Object> cal = new LinkedHashMap<>();
        cal.put("users_sampled", f.usersSampled());
        cal.put("mean_miscalibration", r.meanCalibration().orElse(null));
        cal.put("median_miscalibration", f.medianCalibration().orElse(null));
        cal.put("method", "Steck (2018) KL divergence of the category mix of 20 recommendations from the user's history, "
                + "smoothed with alpha 0.01; 0 = the list mirrors the history");
        out.put("calibration", cal);
        return out;
    }
}
