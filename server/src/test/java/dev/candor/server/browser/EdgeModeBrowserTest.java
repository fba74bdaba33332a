package dev.candor.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import dev.candor.model.Scope;
import dev.candor.server.Json;
import dev.candor.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * On-device mode in Debian Chromium: the page downloads the edge model, keeps events in
 * localStorage and computes recommendations with the served JS module; they equal the server's
 * item-kNN reference for the same history (items, order, scores, sentences, evidence), and no
 * request carrying an event leaves the page.
 */
class EdgeModeBrowserTest {
    /** 90 people in three tastes over items i0..i29 (every 10th is sensitive: health), seeded. */
    private static void crowd(TestServer t) {
        t.seedItems(30);
        SplittableRandom rnd = new SplittableRandom(11);
        StringBuilder events = new StringBuilder("[");
        for (int u = 0; u < 90; u++) {
            t.grant("edge-" + u, "personalization", "behavioral");
            int taste = u % 3;
            for (int k = 0; k < 6; k++) {
                int item = rnd.nextDouble() < 0.8 ? taste + 3 * rnd.nextInt(10) : rnd.nextInt(30);
                events.append(events.length() == 1 ? "" : ",").append("{\"user\":\"edge-").append(u).append("\",\"item\":\"i").append(item)
                        .append("\",\"type\":\"view\"}");
            }
        }
        TestServer.Reply r = t.post("/v1/events", events.append("]").toString(), t.adminKey);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        t.engine.retrain();
    }

    @Test
    void edgeRecommendations_equalTheServersItemKnn_andNoEventLeavesThePage() throws Exception {
        try (TestServer t = new TestServer(); Browser browser = Browser.launch()) {
            crowd(t);
            String key = t.key(Scope.RECOMMEND);
            Page page = browser.newPage();
            List<Request> requests = new ArrayList<>();
            page.onRequest(requests::add);
            page.navigate(t.base() + "/edge/index.html");
            page.fill("#key", key);
            page.click("#load button");
            page.waitForSelector("#items button");
            assertThat(page.textContent("#status")).contains("items loaded");
            int afterLoad = requests.size();

            // a history kept in the page: clicks (views) and a rating and a cart event through the module's store
            page.click("#items button[data-item=i3]");
            page.click("#items button[data-item=i6]");
            page.click("#items button[data-item=i3]");
            page.evaluate("async () => { const m = await import('/edge/candor-edge.js'); const s = new m.EventStore();"
                    + " s.add('i12', 'rating', 5); s.add('i15', 'add_to_cart'); s.add('i9', 'view'); s.add('nope', 'view'); }");
            page.click("#items button[data-item=i18]");
            page.waitForSelector("#recs li");
            String events = (String) page.evaluate("() => localStorage.getItem('candor.edge.events')");
            Object edge = page.evaluate("async (key) => { const m = await import('/edge/candor-edge.js');"
                    + " const model = await m.loadModel('/v1/models/edge', { apiKey: key });"
                    + " return JSON.stringify(m.recommend(model, new m.EventStore().events(), 10)); }", key);
            List<String> shown = page.locator("#recs li").all().stream().map(l -> l.getAttribute("data-item")).toList();

            // the server's item-kNN reference for the same events
            JsonNode history = Json.MAPPER.readTree(events);
            assertThat(history).hasSize(8);
            StringBuilder body = new StringBuilder("{\"n\":10,\"events\":[");
            for (int k = 0; k < history.size(); k++) {
                JsonNode e = history.get(k);
                body.append(k == 0 ? "" : ",").append("{\"item\":").append(e.get("item")).append(",\"type\":").append(e.get("type"));
                if (e.has("value")) {
                    body.append(",\"value\":").append(e.get("value"));
                }
                body.append('}');
            }
            TestServer.Reply server = t.post("/v1/models/edge/recommendations", body.append("]}").toString(), key);
            assertThat(server.status()).as(server.body()).isEqualTo(200);
            JsonNode expected = server.json().get("items");
            JsonNode actual = Json.MAPPER.readTree((String) edge);
            assertThat(expected.size()).as("the history points to enough items").isGreaterThanOrEqualTo(8);
            assertThat(actual.size()).isEqualTo(expected.size());
            for (int r = 0; r < expected.size(); r++) {
                JsonNode x = expected.get(r);
                JsonNode y = actual.get(r);
                assertThat(y.get("item").asText()).as("rank %d", r).isEqualTo(x.get("item").asText());
                assertThat(y.get("score").asDouble()).as("score at rank %d, bit for bit", r).isEqualTo(x.get("score").asDouble());
                JsonNode xr = x.at("/reasons/0");
                JsonNode yr = y.at("/reasons/0");
                assertThat(yr.get("kind").asText()).isEqualTo(xr.get("kind").asText());
                assertThat(yr.get("text").asText()).isEqualTo(xr.get("text").asText());
                assertThat(yr.get("evidence").size()).isEqualTo(xr.get("evidence").size());
                double sum = 0;
                for (int k = 0; k < xr.get("evidence").size(); k++) {
                    JsonNode xe = xr.get("evidence").get(k);
                    JsonNode ye = yr.get("evidence").get(k);
                    for (String f : List.of("kind", "ref", "label", "relation")) {
                        assertThat(ye.get(f).asText()).isEqualTo(xe.get(f).asText());
                    }
                    assertThat(ye.get("weight").asDouble()).isEqualTo(xe.get("weight").asDouble());
                    sum += ye.get("weight").asDouble();
                }
                assertThat(sum).as("evidence adds up to the score").isEqualTo(y.get("score").asDouble());
                assertThat(y.get("item").asText()).as("no sensitive item on the device").isNotIn("i9", "i19", "i29");
            }
            assertThat(shown).as("the page shows the same list").containsExactlyElementsOf(
                    actual.findValues("item").stream().map(JsonNode::asText).toList());
            assertThat(actual.toString()).contains("added to your cart").contains("rated");

            // what left the page: the page, the module and the model, by GET without a body; nothing after the clicks but the module/model
            for (Request q : requests) {
                assertThat(q.method()).as(q.url()).isEqualTo("GET");
                assertThat(q.postDataBuffer()).as(q.url()).isNull();
                String path = java.net.URI.create(q.url()).getPath();
                assertThat(path).isIn("/edge/index.html", "/edge/demo.js", "/edge/demo.css", "/edge/candor-edge.js", "/v1/models/edge");
                assertThat(java.net.URI.create(q.url()).getQuery()).as("no event in a query string").isNull();
            }
            assertThat(requests.subList(afterLoad, requests.size())).allSatisfy(q ->
                    assertThat(java.net.URI.create(q.url()).getPath()).isIn("/edge/candor-edge.js", "/v1/models/edge"));
        }
    }
}
