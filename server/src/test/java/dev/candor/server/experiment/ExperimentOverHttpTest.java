package dev.candor.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.Scope;
import dev.candor.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An experiment run end to end over HTTP: defined with POST /v1/experiments, fed with seeded
 * synthetic traffic whose true effects are known (responses through GET recommendations, clicks
 * and purchases as events with the request id, complaints as feedback with it), and read back with
 * GET /v1/experiments/{id}/results. One fixed seed: the intervals are checked once here (the
 * coverage rate over many replications is {@code ExperimentSimulationTest}'s job in core).
 */
class ExperimentOverHttpTest {
    private final TestServer t = new TestServer();

    @AfterEach
    void close() {
        t.close();
    }

    private static final String DEFINITION = """
            {"id": "home-1", "name": "Curated picks vs hybrid on home", "surfaces": ["home"], "mixing_sd": 0.05,
             "variants": [{"name": "control", "strategy": "hybrid"},
                          {"name": "better", "strategy": "hybrid_plus_curated", "collections": ["staff"]},
                          {"name": "creepy", "strategy": "hybrid"}]}""";

    @Test
    void syntheticTrafficWithAKnownEffect_liftIntervalCoversTheTruth_andTheAnnoyingVariantTripsItsGuardrail() {
        Traffic traffic = new Traffic(t, 20260601L);
        List<String> participants = Traffic.users("p", 360);
        List<String> outsiders = Traffic.users("o", 60);
        traffic.setUp(60, participants, List.of("personalization", "behavioral", "experiments"));
        for (String o : outsiders) {
            t.grant(o, "personalization", "behavioral"); // no experiments purpose: never assigned, never counted
        }
        assertThat(t.put("/v1/collections/staff", "{\"title\":\"Staff picks\",\"items\":[\"i3\",\"i7\",\"i11\",\"i19\",\"i23\"]}",
                t.adminKey).status()).isEqualTo(200);
        TestServer.Reply created = t.post("/v1/experiments", DEFINITION, t.adminKey);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("home-1");
        assertThat(created.json().get("status").asText()).isEqualTo("running");

        Map<String, Traffic.Behaviour> truth = Map.of(
                "control", new Traffic.Behaviour(0.10, 0.04, 0.01),
                "better", new Traffic.Behaviour(0.20, 0.04, 0.01),
                "creepy", new Traffic.Behaviour(0.10, 0.04, 0.12));
        Traffic.Sent sent = traffic.run(participants, 4, "home", truth, new Traffic.Behaviour(0.5, 0.2, 0.2));
        traffic.run(outsiders, 2, "home", truth, new Traffic.Behaviour(0.5, 0.2, 0.2));
        // responses on another surface are outside the experiment
        JsonNode other = t.get("/v1/users/p1/recommendations?surface=cart", t.adminKey).json();
        assertThat(other.get("variant").isNull()).isTrue();

        TestServer.Reply res = t.get("/v1/experiments/home-1/results", t.adminKey);
        assertThat(res.status()).isEqualTo(200);
        JsonNode r = res.json();
        long impressions = 0;
        long participantsCounted = 0;
        for (JsonNode v : r.get("variants")) {
            String name = v.get("name").asText();
            impressions += v.get("impressions").asLong();
            participantsCounted += v.get("participants").asLong();
            // attribution is exact: every click, purchase and complaint sent with a request id is credited once
            assertThat(v.get("impressions").asInt()).as(name).isEqualTo(sent.impressions.getOrDefault(name, 0));
            assertThat(v.at("/metrics/ctr/count").asInt()).as(name).isEqualTo(sent.clicked.getOrDefault(name, 0));
            assertThat(v.at("/metrics/conversion/count").asInt()).as(name).isEqualTo(sent.converted.getOrDefault(name, 0));
            assertThat(v.at("/metrics/too_personal/count").asInt()).as(name).isEqualTo(sent.tooPersonal.getOrDefault(name, 0));
            assertThat(v.at("/revenue_per_impression/mean").asDouble() * v.get("impressions").asLong()).as(name)
                    .isCloseTo(sent.revenue.getOrDefault(name, 0.0), within(1e-6));
            // every rate's interval covers its true value
            double trueCtr = truth.get(name).click();
            assertThat(covers(v.at("/metrics/ctr/ci"), trueCtr)).as(name + " ctr " + v.at("/metrics/ctr")).isTrue();
            assertThat(covers(v.at("/metrics/ctr/always_valid_ci"), trueCtr)).as(name + " ctr always valid").isTrue();
        }
        assertThat(impressions).isEqualTo(360 * 4); // the outsiders' 120 responses are not counted
        assertThat(participantsCounted).isEqualTo(360);
        assertThat(sent.impressions).doesNotContainKey("");

        JsonNode better = variant(r, "better");
        System.out.printf("over HTTP: %d impressions; better vs control CTR lift %s (Newcombe %s, always valid %s); "
                        + "creepy too_personal %s vs control %s; breaches %s%n", impressions, better.at("/versus_control/ctr/lift"),
                better.at("/versus_control/ctr/ci"), better.at("/versus_control/ctr/always_valid_ci"),
                variant(r, "creepy").at("/metrics/too_personal/rate"), variant(r, "control").at("/metrics/too_personal/rate"),
                r.get("breaches").findValues("message"));
        double lift = better.at("/versus_control/ctr/lift").asDouble();
        assertThat(covers(better.at("/versus_control/ctr/ci"), 0.10)).as("Newcombe interval of the lift " + better.at("/versus_control/ctr"))
                .isTrue();
        assertThat(covers(better.at("/versus_control/ctr/always_valid_ci"), 0.10)).as("always-valid interval of the lift").isTrue();
        assertThat(better.at("/versus_control/ctr/significant").asText()).as("a 10-point lift on ~480 impressions per arm is detected")
                .isEqualTo("higher");
        assertThat(lift).isBetween(0.04, 0.16);
        assertThat(better.get("breached")).isEmpty();
        // nobody's conversion changed: that interval covers 0
        assertThat(covers(better.at("/versus_control/conversion/ci"), 0.0)).isTrue();

        JsonNode creepy = variant(r, "creepy");
        assertThat(r.get("breached").asBoolean()).isTrue();
        assertThat(creepy.get("breached")).extracting(JsonNode::asText).containsExactly("too_personal");
        JsonNode breach = r.get("breaches").get(0);
        assertThat(breach.get("variant").asText()).isEqualTo("creepy");
        assertThat(breach.get("metric").asText()).isEqualTo("too_personal");
        assertThat(breach.get("kind").asText()).isEqualTo("above_control");
        assertThat(breach.get("always_valid_ci").get(0).asDouble()).isPositive();
        assertThat(r.get("breaches")).hasSize(1);
        assertThat(variant(r, "control").get("versus_control").isNull()).isTrue();

        // the same counts on /metrics, one series per variant
        String metrics = t.get("/metrics", null).body();
        for (JsonNode v : r.get("variants")) {
            String labels = "{experiment=\"home-1\",variant=\"" + v.get("name").asText() + "\"}";
            assertThat(metrics).contains("candor_experiment_impressions_total" + labels + " " + v.get("impressions").asInt() + ".0");
            assertThat(metrics).contains("candor_experiment_clicked_impressions_total" + labels + " " + v.at("/metrics/ctr/count").asInt() + ".0");
        }
        assertThat(metrics).contains("candor_experiment_guardrail_breaches{experiment=\"home-1\"} 1.0");

        // a click sent by one user with another user's request id is not credited
        int before = better.at("/metrics/ctr/count").asInt() + variant(r, "control").at("/metrics/ctr/count").asInt()
                + creepy.at("/metrics/ctr/count").asInt();
        String othersRequest = sent.lastRequest.get("p1");
        t.post("/v1/events", "[" + Traffic.event("p2", "i1", "click", othersRequest, null) + "]", t.adminKey);
        int after = 0;
        for (JsonNode v : t.get("/v1/experiments/home-1/results", t.adminKey).json().get("variants")) {
            after += v.at("/metrics/ctr/count").asInt();
        }
        assertThat(after).isEqualTo(before);
    }

    @Test
    void curatedVariant_servesTheCollectionInOrder_explainedAsCurated_andTheControlIsNonPersonal() {
        Traffic traffic = new Traffic(t, 7);
        List<String> users = Traffic.users("c", 40);
        traffic.setUp(30, users, List.of("personalization", "behavioral", "experiments"));
        t.put("/v1/collections/summer", "{\"title\":\"Summer picks\",\"items\":[\"i5\",\"i2\",\"i9\"]}", t.adminKey);
        TestServer.Reply created = t.post("/v1/experiments", """
                {"id": "cur", "name": "curated vs non-personal",
                 "variants": [{"name": "plain", "strategy": "non_personal_control"}, {"name": "picks", "strategy": "curated"}]}""",
                t.adminKey);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        boolean sawPicks = false;
        boolean sawPlain = false;
        for (String u : users) {
            JsonNode r = t.get("/v1/users/" + u + "/recommendations?n=5", t.adminKey).json();
            assertThat(r.get("experiment").asText()).isEqualTo("cur");
            for (JsonNode item : r.get("items")) {
                double sum = 0;
                for (JsonNode reason : item.get("reasons")) {
                    sum += reason.get("weight").asDouble();
                }
                assertThat(sum).as("reasons add up to the score").isCloseTo(item.get("score").asDouble(), within(1e-9));
            }
            if (r.get("variant").asText().equals("picks")) {
                sawPicks = true;
                List<String> first = new ArrayList<>();
                r.get("items").forEach(i -> first.add(i.get("item").asText()));
                // the user's viewed items are skipped; the rest keep the curators' order
                List<String> expected = new ArrayList<>(List.of("i5", "i2", "i9"));
                expected.retainAll(first);
                assertThat(first.subList(0, expected.size())).isEqualTo(expected);
                JsonNode reason = r.get("items").get(0).get("reasons").get(0);
                assertThat(reason.get("kind").asText()).isEqualTo("curated");
                assertThat(reason.get("text").asText()).isEqualTo("Picked by our team for \"Summer picks\"");
                assertThat(reason.at("/evidence/0/kind").asText()).isEqualTo("collection");
                assertThat(reason.at("/evidence/0/ref").asText()).isEqualTo("summer");
                assertThat(r.get("data_used")).extracting(JsonNode::asText).contains("curated");
            } else {
                sawPlain = true;
                assertThat(r.get("variant").asText()).isEqualTo("plain");
                assertThat(r.get("personalization").asText()).isEqualTo("none");
                assertThat(r.get("fallback").asText()).contains("comparison group of an experiment");
                assertThat(r.get("data_used")).extracting(JsonNode::asText).doesNotContain("behavioral");
            }
        }
        assertThat(sawPicks && sawPlain).as("40 users split over two equal arms reach both").isTrue();
        // subject outcomes: opt-outs and corrections; after withdrawing experiments nothing new is counted (c3's correction)
        t.put("/v1/users/c1/consent", "{\"purposes\":{\"behavioral\":false}}", t.adminKey);
        t.put("/v1/users/c2/preferences", "{\"liked_categories\":[\"a\"]}", t.adminKey);
        t.put("/v1/users/c3/consent", "{\"purposes\":{\"experiments\":false}}", t.adminKey);
        t.delete("/v1/users/c3/interests/a", t.adminKey);
        t.put("/v1/users/c4/consent", "{\"purposes\":{\"context\":true}}", t.adminKey); // granting more is not an opt-out
        long optOuts = 0;
        long corrections = 0;
        for (JsonNode v : t.get("/v1/experiments/cur/results", t.adminKey).json().get("variants")) {
            optOuts += v.at("/metrics/opt_out/count").asLong();
            corrections += v.at("/metrics/correction/count").asLong();
            assertThat(v.at("/metrics/opt_out/unit").asText()).isEqualTo("subject");
        }
        assertThat(optOuts).isEqualTo(2);
        assertThat(corrections).isEqualTo(1);

        // what a participant sees of it in their profile and export
        JsonNode mine = t.get("/v1/users/c1/export", t.adminKey).json().get("experiments");
        assertThat(mine).hasSize(1);
        assertThat(mine.at("/0/experiment").asText()).isEqualTo("cur");
        assertThat(mine.at("/0/responses").asInt()).isEqualTo(1);
        assertThat(t.get("/v1/users/c1/profile", t.adminKey).json().at("/experiments/0/variant").asText()).isIn("plain", "picks");
        // the collection cannot be deleted while the experiment serves it
        assertThat(t.delete("/v1/collections/summer", t.adminKey).code()).isEqualTo("COLLECTION_IN_USE");
        assertThat(t.post("/v1/experiments/cur/stop", "", t.adminKey).json().get("status").asText()).isEqualTo("stopped");
        assertThat(t.post("/v1/experiments/cur/stop", "", t.adminKey).code()).isEqualTo("EXPERIMENT_STOPPED");
        JsonNode afterStop = t.get("/v1/users/c1/recommendations", t.adminKey).json();
        assertThat(afterStop.get("variant").isNull()).isTrue();
        assertThat(t.delete("/v1/collections/summer", t.adminKey).status()).isEqualTo(204);
    }

    @Test
    void definitions_areValidated_withStableCodes_andChangeNothing() {
        t.seedItems(10);
        String v2 = "[{\"name\":\"a\",\"strategy\":\"hybrid\"},{\"name\":\"b\",\"strategy\":\"hybrid\"}]";
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"variants\":" + v2 + "}", "MISSING_FIELD");
        bad.put("{\"name\":\"x\"}", "MISSING_FIELD");
        bad.put("{\"name\":\"x\",\"variants\":[{\"name\":\"a\",\"strategy\":\"hybrid\"}]}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":[{\"name\":\"a\",\"strategy\":\"magic\"},{\"name\":\"b\",\"strategy\":\"hybrid\"}]}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":[{\"name\":\"a\",\"strategy\":\"hybrid\"},{\"name\":\"a\",\"strategy\":\"hybrid\"}]}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":[{\"name\":\"a\",\"strategy\":\"hybrid\",\"weight\":0},{\"name\":\"b\",\"strategy\":\"hybrid\"}]}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":[{\"name\":\"a b\",\"strategy\":\"hybrid\"},{\"name\":\"b\",\"strategy\":\"hybrid\"}]}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":[{\"name\":\"a\",\"strategy\":\"curated\",\"collections\":[\"nope\"]},"
                + "{\"name\":\"b\",\"strategy\":\"hybrid\"}]}", "UNKNOWN_COLLECTION");
        bad.put("{\"name\":\"x\",\"variants\":[{\"name\":\"a\",\"strategy\":\"curated\"},{\"name\":\"b\",\"strategy\":\"hybrid\"}]}", "UNKNOWN_COLLECTION");
        bad.put("{\"name\":\"x\",\"variants\":[{\"name\":\"a\",\"strategy\":\"hybrid\",\"collections\":[]},"
                + "{\"name\":\"b\",\"strategy\":\"hybrid\",\"extra\":1}]}", "UNKNOWN_FIELD");
        bad.put("{\"name\":\"x\",\"variants\":" + v2 + ",\"guardrails\":[{\"metric\":\"ctr\"}]}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":" + v2 + ",\"guardrails\":[{\"metric\":\"opt_out\",\"max_rate\":2}]}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":" + v2 + ",\"alpha\":0.7}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":" + v2 + ",\"id\":\"has space\"}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":" + v2 + ",\"surfaces\":[\"a/b\"]}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":" + v2 + ",\"stop\":\"2001-01-01T00:00:00Z\"}", "INVALID_VALUE");
        bad.put("{\"name\":\"x\",\"variants\":" + v2 + ",\"start\":\"yesterday\"}", "INVALID_TIMESTAMP");
        bad.put("{\"name\":\"x\",\"variants\":\"two\"}", "INVALID_TYPE");
        bad.put("[1,2]", "INVALID_BODY");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            TestServer.Reply r = t.post("/v1/experiments", e.getKey(), t.adminKey);
            assertThat(r.status()).as(e.getKey()).isEqualTo(400);
            assertThat(r.code()).as(e.getKey() + " → " + r.body()).isEqualTo(e.getValue());
        }
        assertThat(t.get("/v1/experiments", t.adminKey).json().get("experiments")).isEmpty();

        String ok = "{\"id\":\"e1\",\"name\":\"x\",\"surfaces\":[\"home\"],\"variants\":" + v2 + "}";
        assertThat(t.post("/v1/experiments", ok, t.adminKey).status()).isEqualTo(201);
        assertThat(t.post("/v1/experiments", ok, t.adminKey).code()).isEqualTo("EXPERIMENT_EXISTS");
        TestServer.Reply overlap = t.post("/v1/experiments", "{\"id\":\"e2\",\"name\":\"y\",\"variants\":" + v2 + "}", t.adminKey);
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.code()).isEqualTo("EXPERIMENT_OVERLAP");
        assertThat(t.post("/v1/experiments", "{\"id\":\"e3\",\"name\":\"z\",\"surfaces\":[\"cart\"],\"variants\":" + v2 + "}",
                t.adminKey).status()).isEqualTo(201);
        JsonNode generated = t.post("/v1/experiments", "{\"name\":\"later\",\"surfaces\":[\"search\"],\"start\":\"2999-01-01T00:00:00Z\","
                + "\"variants\":" + v2 + "}", t.adminKey).json();
        assertThat(generated.get("id").asText()).startsWith("exp-");
        assertThat(generated.get("status").asText()).isEqualTo("scheduled");
        assertThat(t.get("/v1/experiments", t.adminKey).json().get("experiments")).hasSize(3);

        assertThat(t.get("/v1/experiments/nope/results", t.adminKey).code()).isEqualTo("UNKNOWN_EXPERIMENT");
        assertThat(t.get("/v1/experiments/has%20space/results", t.adminKey).code()).isEqualTo("INVALID_EXPERIMENT");
        assertThat(t.post("/v1/experiments/nope/stop", "", t.adminKey).code()).isEqualTo("UNKNOWN_EXPERIMENT");
        // scopes: analysts read, only admins write; ingest and recommend keys neither
        String analyst = t.key(Scope.ANALYST);
        assertThat(t.get("/v1/experiments/e1/results", analyst).status()).isEqualTo(200);
        assertThat(t.get("/v1/experiments/e1", analyst).json().get("control").asText()).isEqualTo("a");
        assertThat(t.post("/v1/experiments", ok.replace("e1", "e9"), analyst).status()).isEqualTo(403);
        assertThat(t.post("/v1/experiments/e1/stop", "", analyst).status()).isEqualTo(403);
        assertThat(t.get("/v1/experiments", t.key(Scope.INGEST, Scope.RECOMMEND)).status()).isEqualTo(403);
    }

    @Test
    void events_requestIdAndRevenue_areValidatedPerRow() {
        t.seedItems(5);
        t.grant("u", "personalization", "behavioral", "experiments");
        JsonNode r = t.post("/v1/events", "[" + String.join(",",
                "{\"user\":\"u\",\"item\":\"i1\",\"type\":\"click\",\"request_id\":\"not a request id\"}",
                "{\"user\":\"u\",\"item\":\"i1\",\"type\":\"view\",\"request_id\":\"0a1b\",\"revenue\":5}",
                "{\"user\":\"u\",\"item\":\"i1\",\"type\":\"purchase\",\"revenue\":5}",
                "{\"user\":\"u\",\"item\":\"i1\",\"type\":\"purchase\",\"request_id\":\"0a1b\",\"revenue\":-1}",
                "{\"user\":\"u\",\"item\":\"i1\",\"type\":\"purchase\",\"request_id\":\"0a1b\",\"revenue\":\"5\"}",
                "{\"user\":\"u\",\"item\":\"i1\",\"type\":\"purchase\",\"request_id\":\"0a1b\",\"revenue\":12.5}") + "]", t.adminKey).json();
        assertThat(r.get("accepted").asInt()).isEqualTo(1); // an unknown request id is not an error: nothing to credit
        assertThat(r.get("errors")).extracting(e -> e.get("index").asInt() + ":" + e.get("code").asText() + ":" + e.get("field").asText())
                .containsExactly("0:INVALID_VALUE:request_id", "1:INVALID_VALUE:revenue", "2:INVALID_VALUE:revenue",
                        "3:INVALID_VALUE:revenue", "4:INVALID_TYPE:revenue");
    }

    private static JsonNode variant(JsonNode results, String name) {
        for (JsonNode v : results.get("variants")) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variant " + name);
    }

    private static boolean covers(JsonNode interval, double x) {
        return interval.get(0).asDouble() <= x && x <= interval.get(1).asDouble();
    }
}
