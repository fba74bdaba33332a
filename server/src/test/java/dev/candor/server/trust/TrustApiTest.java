package dev.candor.server.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.consent.ConsentDefault;
import dev.candor.engine.EngineConfig;
import dev.candor.model.Scope;
import dev.candor.server.ServerConfig;
import dev.candor.server.TestServer;
import dev.candor.testing.InMemoryStorage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Trust metrics, fairness, the questionnaire, assessments and the self-assessed score over HTTP,
 * and the configuration switches the score reads: each switch changes what the server does and
 * lowers the score where it should.
 */
class TrustApiTest {
    private static TestServer server(UnaryOperator<EngineConfig> config) {
        return new TestServer(new InMemoryStorage(), ServerConfig.defaults(), config.apply(EngineConfig.defaults()));
    }

    /** A little traffic: consenting users with history ask for recommendations; one stranger's events are dropped. */
    private static void traffic(TestServer t) {
        t.seedItems(30);
        StringBuilder events = new StringBuilder("[");
        for (int u = 0; u < 20; u++) {
            t.grant("u" + u, "personalization", "behavioral");
            for (int k = 0; k < 4; k++) {
                events.append(events.length() == 1 ? "" : ",").append("{\"user\":\"u").append(u).append("\",\"item\":\"i")
                        .append((u * 7 + k * 3) % 30).append("\",\"type\":\"view\"}");
            }
        }
        events.append(",{\"user\":\"stranger\",\"item\":\"i1\",\"type\":\"view\"}");
        t.post("/v1/events", events.append(']').toString(), t.adminKey);
        t.engine.retrain();
        for (int u = 0; u < 20; u++) {
            t.get("/v1/users/u" + u + "/recommendations?n=5", t.adminKey);
        }
    }

    private static Map<String, Integer> scores(TestServer t) {
        JsonNode s = t.get("/v1/trust/score", t.adminKey).json();
        Map<String, Integer> out = new HashMap<>();
        out.put("overall", s.get("overall").asInt());
        s.get("dimensions").forEach(d -> out.put(d.get("dimension").asText(), d.get("score").asInt()));
        return out;
    }

    @Test
    void metrics_coverDroppedEventsConsentComplaintsErasure_inHourlyBuckets() {
        try (TestServer t = server(c -> c)) {
            traffic(t);
            JsonNode r = t.get("/v1/users/u1/recommendations?n=3", t.adminKey).json();
            t.post("/v1/feedback", "{\"user\":\"u1\",\"item\":\"" + r.at("/items/0/item").asText() + "\",\"signal\":\"too_personal\","
                    + "\"request_id\":\"" + r.get("request_id").asText() + "\"}", t.adminKey);
            t.put("/v1/users/u2/consent", "{\"purposes\":{\"behavioral\":false}}", t.adminKey); // an opt-out
            t.post("/v1/events", "[{\"user\":\"u1\",\"item\":\"nope\",\"type\":\"view\"}]", t.adminKey); // rejected row
            assertThat(t.delete("/v1/users/u3", t.adminKey).status()).isEqualTo(200);

            JsonNode m = t.get("/v1/trust/metrics", t.adminKey).json();
            assertThat(m.get("bucket_seconds").asInt()).isEqualTo(3600);
            assertThat(m.get("series").size()).isBetween(24, 25);
            JsonNode total = m.get("total");
            assertThat(total.get("responses").asInt()).isEqualTo(21);
            assertThat(total.get("items_served").asInt()).isEqualTo(20 * 5 + 3);
            assertThat(total.get("explanation_coverage").asDouble()).isEqualTo(1.0);
            assertThat(total.get("complaints").asInt()).isEqualTo(1);
            assertThat(total.get("complaint_rate").asDouble()).isCloseTo(1.0 / 103, within(1e-12));
            assertThat(total.get("events_accepted").asInt()).isEqualTo(80);
            assertThat(total.at("/events_dropped/no_consent").asInt()).isEqualTo(1);
            assertThat(total.get("events_rejected").asInt()).isEqualTo(1);
            assertThat(total.get("opt_outs").asInt()).isEqualTo(1);
            assertThat(total.get("subjects_with_consent").asInt()).isEqualTo(19); // u3 erased
            assertThat(total.at("/consent_rate/personalization").asDouble()).isEqualTo(1.0);
            assertThat(total.at("/consent_rate/behavioral").asDouble()).isCloseTo(18 / 19.0, within(1e-12));
            assertThat(total.at("/consent_rate/experiments").asDouble()).isEqualTo(0.0);
            assertThat(total.get("erasures").asInt()).isEqualTo(1);
            assertThat(total.at("/erasure_latency_ms/p50").isNumber()).isTrue();
            // the buckets add up to the total
            long served = 0;
            for (JsonNode b : m.get("series")) {
                served += b.get("items_served").asLong();
            }
            assertThat(served).isEqualTo(103);
            // windows and parameters
            assertThat(t.get("/v1/trust/metrics?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", t.adminKey).code())
                    .isEqualTo("INVALID_PARAMETER");
            assertThat(t.get("/v1/trust/metrics?from=yesterday", t.adminKey).code()).isEqualTo("INVALID_PARAMETER");
            assertThat(t.get("/v1/trust/metrics", t.key(Scope.ANALYST)).status()).isEqualTo(200);
            // and on /metrics
            String prom = t.get("/metrics", null).body();
            assertThat(prom).contains("candor_trust_explanation_coverage 1.0");
            assertThat(prom).contains("candor_trust_consent_rate{purpose=\"experiments\"} 0.0");
            assertThat(prom).contains("candor_trust_opt_out_rate " + (1 / 19.0));
            assertThat(prom).contains("candor_trust_score " + t.get("/v1/trust/score", t.adminKey).json().get("overall").asInt() + ".0");
            assertThat(prom).contains("candor_fairness_gini ").contains("candor_fairness_exposure_share{decile=\"1\"}")
                    .contains("candor_trust_dimension_score{dimension=\"transparency\"}");
            assertThat(t.get("/v1/trust/metrics", t.key(Scope.RECOMMEND)).status()).isEqualTo(403);
        }
    }

    @Test
    void fairness_exposureSharesCoverageGiniAndCalibration() {
        try (TestServer t = server(c -> c)) {
            traffic(t);
            JsonNode f = t.get("/v1/fairness?days=7&sample=50", t.adminKey).json();
            assertThat(f.get("items_served").asInt()).isEqualTo(100);
            assertThat(f.get("catalog_size").asInt()).isEqualTo(30);
            assertThat(f.get("catalog_coverage").asDouble()).isBetween(0.0, 1.0).isPositive();
            assertThat(f.get("gini").asDouble()).isBetween(0.0, 29 / 30.0);
            double deciles = 0;
            for (JsonNode d : f.get("exposure_by_popularity_decile")) {
                deciles += d.get("share").asDouble();
            }
            assertThat(f.get("exposure_by_popularity_decile")).hasSize(10);
            assertThat(deciles).isCloseTo(1.0, within(1e-9));
            double categories = 0;
            for (JsonNode c : f.get("exposure_by_category")) {
                categories += c.get("share").asDouble();
            }
            assertThat(categories).isCloseTo(1.0, within(1e-9));
            assertThat(f.at("/calibration/users_sampled").asInt()).isEqualTo(20);
            assertThat(f.at("/calibration/mean_miscalibration").asDouble()).isNotNegative();
            // computing calibration served nothing: the counters did not move
            assertThat(t.get("/v1/fairness?sample=0", t.adminKey).json().get("items_served").asInt()).isEqualTo(100);
            assertThat(t.get("/v1/fairness?days=0", t.adminKey).code()).isEqualTo("INVALID_PARAMETER");
            assertThat(t.get("/v1/fairness?sample=5000", t.adminKey).code()).isEqualTo("INVALID_PARAMETER");
        }
    }

    @Test
    void questionnaireAndAssess_roundTrip_andBadAnswersAreRejected() {
        try (TestServer t = server(c -> c)) {
            JsonNode q = t.get("/v1/trust/questionnaire", t.adminKey).json();
            assertThat(q.get("dimensions")).hasSize(9);
            StringBuilder best = new StringBuilder("{\"answers\":{");
            StringBuilder worst = new StringBuilder("{\"answers\":{");
            for (JsonNode question : q.get("questions")) {
                JsonNode answers = question.get("answers");
                best.append(best.length() > 13 ? "," : "").append('"').append(question.get("id").asText()).append("\":\"")
                        .append(answers.get(0).get("value").asText()).append('"');
                worst.append(worst.length() > 13 ? "," : "").append('"').append(question.get("id").asText()).append("\":\"")
                        .append(answers.get(answers.size() - 1).get("value").asText()).append('"');
            }
            JsonNode top = t.post("/v1/trust/assess", best.append("}}").toString(), t.adminKey).json();
            assertThat(top.get("overall").asInt()).isEqualTo(100);
            assertThat(top.get("dimensions")).hasSize(9);
            assertThat(top.at("/dimensions/0/findings/0/evidence").asText()).contains("source:");
            JsonNode bottom = t.post("/v1/trust/assess", worst.append("}}").toString(), t.adminKey).json();
            assertThat(bottom.get("overall").asInt()).isLessThan(20);
            assertThat(t.post("/v1/trust/assess", "{\"answers\":{}}", t.adminKey).json().get("overall").asInt()).isZero();
            assertThat(t.post("/v1/trust/assess", "{\"answers\":{\"nope\":\"yes\"}}", t.adminKey).code()).isEqualTo("UNKNOWN_QUESTION");
            TestServer.Reply bad = t.post("/v1/trust/assess", "{\"answers\":{\"explanations\":\"always\"}}", t.adminKey);
            assertThat(bad.code()).isEqualTo("INVALID_ANSWER");
            assertThat(bad.json().at("/error/field").asText()).isEqualTo("answers.explanations");
            assertThat(t.post("/v1/trust/assess", "{\"answers\":{\"explanations\":1}}", t.adminKey).code()).isEqualTo("INVALID_TYPE");
            assertThat(t.post("/v1/trust/assess", "{}", t.adminKey).code()).isEqualTo("MISSING_FIELD");
            assertThat(t.post("/v1/trust/assess", "{\"answers\":{},\"x\":1}", t.adminKey).code()).isEqualTo("UNKNOWN_FIELD");
            assertThat(t.post("/v1/trust/assess", "{\"answers\":{}}", t.key(Scope.ANALYST)).status()).isEqualTo(200);
        }
    }

    @Test
    void score_movesTheRightWay_whenExplanationsAreOff_consentIsInvasive_orRetentionIsRemoved() {
        Map<String, Integer> base;
        try (TestServer t = server(c -> c)) {
            traffic(t);
            base = scores(t);
            JsonNode s = t.get("/v1/trust/score", t.adminKey).json();
            assertThat(s.at("/inputs/explanations").asBoolean()).isTrue();
            assertThat(s.at("/inputs/explanation_coverage").asDouble()).isEqualTo(1.0);
            assertThat(s.get("window_days").asInt()).isEqualTo(7);
        }
        try (TestServer t = server(c -> c.withExplanations(false))) {
            traffic(t);
            // the switch is real: items are served without reasons and count as unexplained
            JsonNode r = t.get("/v1/users/u1/recommendations?n=3", t.adminKey).json();
            assertThat(r.at("/items/0/reasons")).isEmpty();
            assertThat(r.at("/items/0/score").asDouble()).isPositive();
            assertThat(t.get("/v1/trust/metrics", t.adminKey).json().at("/total/explanation_coverage").asDouble()).isZero();
            Map<String, Integer> s = scores(t);
            assertThat(s.get("transparency")).isLessThan(base.get("transparency"));
            assertThat(s.get("overall")).isLessThan(base.get("overall"));
            assertUnchangedExcept(base, s, "transparency");
        }
        try (TestServer t = server(c -> c.withConsentDefault(ConsentDefault.INVASIVE))) {
            traffic(t);
            // the switch is real: a user who never chose is treated as granting, so their events are kept
            JsonNode e = t.post("/v1/events", "[{\"user\":\"never-asked\",\"item\":\"i2\",\"type\":\"view\"}]", t.adminKey).json();
            assertThat(e.get("accepted").asInt()).isEqualTo(1);
            Map<String, Integer> s = scores(t);
            assertThat(s.get("consent_and_purpose")).isLessThan(base.get("consent_and_purpose"));
            assertThat(s.get("overall")).isLessThan(base.get("overall"));
            assertUnchangedExcept(base, s, "consent_and_purpose");
        }
        try (TestServer t = server(c -> c.withRetention(Map.of()))) {
            traffic(t);
            Map<String, Integer> s = scores(t);
            assertThat(s.get("data_minimization")).isLessThan(base.get("data_minimization"));
            assertThat(s.get("overall")).isLessThan(base.get("overall"));
            assertUnchangedExcept(base, s, "data_minimization");
        }
    }

    @Test
    void score_reflectsCuratedCollectionsAndExperimentsWithoutGuardrails() {
        try (TestServer t = server(c -> c)) {
            t.seedItems(5);
            Map<String, Integer> before = scores(t);
            t.put("/v1/collections/c", "{\"title\":\"C\",\"items\":[\"i1\"]}", t.adminKey);
            assertThat(scores(t).get("human_oversight")).isGreaterThan(before.get("human_oversight"));
            int measurement = scores(t).get("trust_measurement");
            assertThat(t.post("/v1/experiments", "{\"id\":\"g\",\"name\":\"no guardrails\",\"guardrails\":[],\"variants\":"
                    + "[{\"name\":\"a\",\"strategy\":\"hybrid\"},{\"name\":\"b\",\"strategy\":\"curated\"}]}", t.adminKey).status()).isEqualTo(201);
            assertThat(scores(t).get("trust_measurement")).isLessThan(measurement);
        }
    }

    private static void assertUnchangedExcept(Map<String, Integer> base, Map<String, Integer> s, String changed) {
        base.forEach((k, v) -> {
            if (!k.equals(changed) && !k.equals("overall")) {
                assertThat(s.get(k)).as(k).isEqualTo(v);
            }
        });
    }
}
