package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.Scope;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelsApiTest {
    private final TestServer t = new TestServer();

    @AfterEach
    void close() {
        t.close();
    }

    private void crowd() {
        t.seedItems(12);
        StringBuilder events = new StringBuilder("[");
        for (int u = 0; u < 30; u++) {
            t.grant("m" + u, "personalization", "behavioral");
            for (int k = 0; k < 3; k++) {
                events.append(events.length() == 1 ? "" : ",").append("{\"user\":\"m").append(u).append("\",\"item\":\"i").append((u + k) % 12)
                        .append("\",\"type\":\"view\"}");
            }
        }
        t.post("/v1/events", events.append("]").toString(), t.adminKey);
        t.engine.retrain();
    }

    @Test
    void edgeModel_isCompact_excludesSensitiveItems_andTheReferenceExplains() {
        crowd();
        String key = t.key(Scope.RECOMMEND);
        Reply m = t.get("/v1/models/edge", key);
        assertThat(m.status()).as(m.body()).isEqualTo(200);
        assertThat(m.json().get("format").asText()).isEqualTo("candor-edge-v1");
        assertThat(m.json().at("/quantization/bits").asInt()).isEqualTo(8);
        assertThat(m.json().get("items").size()).as("i9 is sensitive (health)").isEqualTo(11);
        assertThat(m.body()).doesNotContain("\"i9\"");
        assertThat(m.json().get("neighbours").size()).isEqualTo(11);
        m.json().get("neighbours").forEach(n -> {
            assertThat(n.size() % 2).isZero();
            for (int k = 1; k < n.size(); k += 2) {
                assertThat(n.get(k).asInt()).isBetween(1, 255);
            }
        });
        assertThat(m.json().at("/kinds/view/verb").asText()).isEqualTo("viewed");

        Reply r = t.post("/v1/models/edge/recommendations", "{\"events\":[{\"item\":\"i1\"},{\"item\":\"i2\",\"type\":\"like\"}],\"n\":3}", key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("items").size()).isBetween(1, 3);
        r.json().get("items").forEach(item -> {
            double sum = 0;
            for (var e : item.at("/reasons/0/evidence")) {
                assertThat(e.get("ref").asText()).isIn("i1", "i2");
                sum += e.get("weight").asDouble();
            }
            assertThat(sum).isEqualTo(item.get("score").asDouble());
        });
        assertThat(t.engine.index().subjects()).as("nothing stored").isEqualTo(30);
    }

    @Test
    void badInput_isRefusedWithStableCodes() {
        crowd();
        String key = t.key(Scope.RECOMMEND);
        assertThat(t.get("/v1/models/edge", t.key(Scope.INGEST)).status()).isEqualTo(403);
        assertThat(t.get("/v1/models/edge", null).status()).isEqualTo(401);
        assertThat(t.post("/v1/models/edge/recommendations", "{\"events\":{}}", key).code()).isEqualTo("INVALID_TYPE");
        assertThat(t.post("/v1/models/edge/recommendations", "{}", key).code()).isEqualTo("INVALID_TYPE");
        assertThat(t.post("/v1/models/edge/recommendations", "{\"events\":[],\"x\":1}", key).status()).isEqualTo(400);
        assertThat(t.post("/v1/models/edge/recommendations", "{\"events\":[{\"item\":\"i1\",\"type\":\"Bad Type\"}]}", key).code())
                .isEqualTo("INVALID_VALUE");
        assertThat(t.post("/v1/models/edge/recommendations", "{\"events\":[{\"item\":\"i1\",\"value\":\"high\"}]}", key).status()).isEqualTo(400);
        assertThat(t.post("/v1/models/edge/recommendations", "{\"events\":[],\"n\":0}", key).code()).isEqualTo("INVALID_VALUE");
        assertThat(t.post("/v1/models/edge/recommendations", "not json", key).status()).isEqualTo(400);
        StringBuilder many = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 201; i++) {
            many.append(i == 0 ? "" : ",").append("{\"item\":\"i1\"}");
        }
        assertThat(t.post("/v1/models/edge/recommendations", many.append("]}").toString(), key).code()).isEqualTo("BATCH_TOO_LARGE");
        Reply unknown = t.post("/v1/models/edge/recommendations", "{\"events\":[{\"item\":\"nope\"}]}", key);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("items")).isEmpty();
    }
}
