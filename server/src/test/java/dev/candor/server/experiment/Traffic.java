package dev.candor.server.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.server.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic traffic through the real endpoints: users consent, ask for recommendations on a
 * surface, and click, buy and complain with probabilities that depend on the variant they were
 * served — the known true effects the results must recover. Counts what it sent per variant, so
 * tests can check attribution exactly.
 */
final class Traffic {
    /** What a variant's users do per impression. */
    record Behaviour(double click, double purchase, double tooPersonal) {
    }

    /** What was sent, per variant name ("" for responses outside the experiment). */
    static final class Sent {
        final Map<String, Integer> impressions = new HashMap<>();
        final Map<String, Integer> clicked = new HashMap<>();
        final Map<String, Integer> converted = new HashMap<>();
        final Map<String, Double> revenue = new HashMap<>();
        final Map<String, Integer> tooPersonal = new HashMap<>();
        /** A request id served to each user, for cross-user attribution checks. */
        final Map<String, String> lastRequest = new HashMap<>();
        /** The variant each user was served ("" outside the experiment). */
        final Map<String, String> variantOf = new HashMap<>();
    }

    static final double REVENUE = 20.0;

    private final TestServer t;
    private final SplittableRandom rnd;

    Traffic(TestServer t, long seed) {
        this.t = t;
        this.rnd = new SplittableRandom(seed);
    }

    /** A catalog of {@code n} items and a view history for every user, then models trained on it. */
    void setUp(int items, List<String> users, List<String> purposes) {
        t.seedItems(items);
        for (String u : users) {
            if (t.grant(u, purposes.toArray(String[]::new)).status() != 200) {
                throw new IllegalStateException("consent failed");
            }
        }
        StringBuilder events = new StringBuilder("[");
        for (int k = 0; k < users.size(); k++) {
            for (int e = 0; e < 3; e++) {
                events.append(events.length() == 1 ? "" : ",").append("{\"user\":\"").append(users.get(k)).append("\",\"item\":\"i")
                        .append(rnd.nextInt(items)).append("\",\"type\":\"view\"}");
            }
        }
        post("/v1/events", events.append(']').toString());
        t.engine.retrain();
    }

    /**
     * Every user makes {@code visits} requests on {@code surface}; each response's user then clicks,
     * buys (revenue {@value #REVENUE}) and says "too personal" with the probabilities of the
     * variant served. Outcomes are sent as events and feedback carrying the request id.
     */
    Sent run(List<String> users, int visits, String surface, Map<String, Behaviour> byVariant, Behaviour outside) {
        Sent sent = new Sent();
        List<String> outcomes = new ArrayList<>();
        for (int v = 0; v < visits; v++) {
            for (String u : users) {
                TestServer.Reply r = t.get("/v1/users/" + u + "/recommendations?n=5&surface=" + surface, t.adminKey);
                if (r.status() != 200) {
                    throw new IllegalStateException("recommendations failed: " + r.body());
                }
                JsonNode body = r.json();
                String variant = body.get("variant").isNull() ? "" : body.get("variant").asText();
                String request = body.get("request_id").asText();
                String item = body.get("items").get(rnd.nextInt(body.get("items").size())).get("item").asText();
                Behaviour b = variant.isEmpty() ? outside : byVariant.get(variant);
                sent.impressions.merge(variant, 1, Integer::sum);
                sent.lastRequest.put(u, request);
                sent.variantOf.put(u, variant);
                if (rnd.nextDouble() < b.click()) {
                    sent.clicked.merge(variant, 1, Integer::sum);
                    outcomes.add(event(u, item, "click", request, null));
                }
                if (rnd.nextDouble() < b.purchase()) {
                    sent.converted.merge(variant, 1, Integer::sum);
                    sent.revenue.merge(variant, REVENUE, Double::sum);
                    outcomes.add(event(u, item, "purchase", request, REVENUE));
                }
                if (rnd.nextDouble() < b.tooPersonal()) {
                    sent.tooPersonal.merge(variant, 1, Integer::sum);
                    TestServer.Reply f = t.post("/v1/feedback", "{\"user\":\"" + u + "\",\"item\":\"" + item
                            + "\",\"signal\":\"too_personal\",\"request_id\":\"" + request + "\"}", t.adminKey);
                    if (f.status() != 201) {
                        throw new IllegalStateException("feedback failed: " + f.body());
                    }
                }
                if (outcomes.size() >= 400) {
                    flush(outcomes);
                }
            }
        }
        flush(outcomes);
        return sent;
    }

    static String event(String user, String item, String type, String request, Double revenue) {
        return "{\"user\":\"" + user + "\",\"item\":\"" + item + "\",\"type\":\"" + type + "\",\"request_id\":\"" + request + "\""
                + (revenue == null ? "" : ",\"revenue\":" + revenue) + "}";
    }

    private void flush(List<String> outcomes) {
        if (!outcomes.isEmpty()) {
            TestServer.Reply r = post("/v1/events", "[" + String.join(",", outcomes) + "]");
            if (!r.json().get("errors").isEmpty()) {
                throw new IllegalStateException("events rejected: " + r.body());
            }
            outcomes.clear();
        }
    }

    private TestServer.Reply post(String path, String body) {
        TestServer.Reply r = t.post(path, body, t.adminKey);
        if (r.status() != 200) {
            throw new IllegalStateException(path + " failed: " + r.body());
        }
        return r;
    }

    static List<String> users(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(prefix + k);
        }
        return out;
    }
}
