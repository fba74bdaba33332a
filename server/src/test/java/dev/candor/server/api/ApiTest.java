package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.Scope;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiTest {
    private final TestServer t = new TestServer();

    @AfterEach
    void close() {
        t.close();
    }

    private void views(String user, int... items) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < items.length; k++) {
            sb.append(k == 0 ? "" : ",").append("{\"user\":\"").append(user).append("\",\"item\":\"i").append(items[k])
                    .append("\",\"type\":\"view\"}");
        }
        Reply r = t.post("/v1/events", sb.append("]").toString(), t.adminKey);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void items_putGetListWithCursor_roundTrips() {
        Reply put = t.put("/v1/items/sku-1", "{\"title\":\"Blue kettle\",\"categories\":[\"kitchen\"],\"attributes\":{\"brand\":\"Acme\"}}", t.adminKey);
        assertThat(put.status()).isEqualTo(200);
        assertThat(t.get("/v1/items/sku-1", t.adminKey).json().get("title").asText()).isEqualTo("Blue kettle");
        t.seedItems(25);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = t.get("/v1/items?limit=10" + (cursor == null ? "" : "&cursor=" + cursor), t.adminKey);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(i -> seen.add(i.get("id").asText()));
            cursor = page.json().get("next").isNull() ? null : page.json().get("next").asText();
        } while (cursor != null);
        assertThat(seen).hasSize(26).doesNotHaveDuplicates().isSorted();
        assertThat(t.delete("/v1/items/sku-1", t.adminKey).status()).isEqualTo(204);
        assertThat(t.get("/v1/items/sku-1", t.adminKey).code()).isEqualTo("UNKNOWN_ITEM");
    }

    @Test
    void newUser_consentAndTenEvents_getsExplainedRecommendations() {
        t.seedItems(60);
        java.util.Random rnd = new java.util.Random(7);
        for (int u = 0; u < 30; u++) {
            t.grant("u" + u, "personalization", "behavioral");
            int[] seen = new int[6];
            for (int k = 0; k < 6; k++) {
                seen[k] = u % 3 + 3 * rnd.nextInt(20); // six items of the user's category
            }
            views("u" + u, seen);
        }
        t.engine.retrain();
        Reply consent = t.grant("new-user", "personalization", "behavioral");
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.json().get("purposes").get("behavioral").asBoolean()).isTrue();
        views("new-user", 0, 3, 6, 12, 15, 18, 21, 24, 27, 30);
        Reply r = t.get("/v1/users/new-user/recommendations?n=10", t.key(Scope.RECOMMEND));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("personalization").asText()).isEqualTo("full");
        assertThat(body.get("request_id").asText()).isNotBlank();
        assertThat(body.get("items")).hasSize(10);
        for (JsonNode item : body.get("items")) {
            assertThat(item.get("reasons").size()).isGreaterThanOrEqualTo(1);
            double sum = 0;
            for (JsonNode reason : item.get("reasons")) {
                assertThat(reason.get("text").asText()).isNotBlank();
                sum += reason.get("weight").asDouble();
            }
            assertThat(sum).isCloseTo(item.get("score").asDouble(), within(1e-9));
        }
        assertThat(body.get("data_used").toString()).contains("behavioral");
        assertThat(body.get("items").get(0).get("reasons")).anySatisfy(reason ->
                assertThat(reason.get("text").asText()).startsWith("Because you viewed"));
    }

    @Test
    void events_unconsentedAndInvalidRows_areCountedDroppedAndReported() {
        t.seedItems(10);
        t.grant("ok", "personalization", "behavioral");
        Reply r = t.post("/v1/events", """
                [{"user":"ok","item":"i1","type":"view"},
                 {"user":"stranger","item":"i1","type":"view"},
                 {"user":"ok","item":"nope","type":"view"},
                 {"user":"ok","item":"i2","type":"teleport"},
                 {"user":"ok","item":"i2","type":"view","value":"high"}]""", t.adminKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(r.json().get("dropped").get("no_consent").asInt()).isEqualTo(1);
        assertThat(r.json().get("errors")).extracting(e -> e.get("index").asInt() + ":" + e.get("code").asText())
                .containsExactly("2:UNKNOWN_ITEM", "3:UNKNOWN_EVENT_TYPE", "4:INVALID_TYPE");
        assertThat(t.storage.events().count()).isEqualTo(1);
    }

    @Test
    void feedback_notInterested_hidesItemOnNextRequest() {
        t.seedItems(30);
        for (int u = 0; u < 10; u++) {
            t.grant("u" + u, "personalization", "behavioral");
            views("u" + u, 0, 3, 6, 9 + u % 2 * 3);
        }
        t.engine.retrain();
        t.grant("me", "personalization", "behavioral");
        views("me", 0, 3);
        String key = t.key(Scope.RECOMMEND);
        String first = t.get("/v1/users/me/recommendations?n=5", key).json().get("items").get(0).get("item").asText();
        Reply fb = t.post("/v1/feedback", "{\"user\":\"me\",\"item\":\"" + first + "\",\"signal\":\"not_interested\"}", key);
        assertThat(fb.status()).isEqualTo(201);
        assertThat(t.get("/v1/users/me/recommendations?n=5", key).body()).doesNotContain("\"item\":\"" + first + "\"");
    }

    @Test
    void preferences_putThenGet_andLightLevelUsesThem() {
        t.seedItems(30);
        t.grant("pat", "personalization");
        Reply put = t.put("/v1/users/pat/preferences", "{\"liked_categories\":[\"B\"],\"intensity\":\"high\"}", t.adminKey);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(t.get("/v1/users/pat/preferences", t.adminKey).json().get("liked_categories").get(0).asText()).isEqualTo("b");
        Reply r = t.get("/v1/users/pat/recommendations", t.adminKey);
        assertThat(r.json().get("personalization").asText()).isEqualTo("light");
        assertThat(r.json().get("items")).allSatisfy(i -> assertThat(i.get("categories").get(0).asText()).isEqualTo("b"));
        assertThat(r.json().get("data_used").toString()).contains("explicit_preferences").doesNotContain("behavioral");
    }

    @Test
    void similar_unknownItem_is404_knownItemExplained() {
        t.seedItems(10);
        for (int u = 0; u < 5; u++) {
            t.grant("u" + u, "personalization", "behavioral");
            views("u" + u, 1, 4);
        }
        t.engine.retrain();
        assertThat(t.get("/v1/items/zzz/similar", t.key(Scope.RECOMMEND)).status()).isEqualTo(404);
        Reply r = t.get("/v1/items/i1/similar", t.key(Scope.RECOMMEND));
        assertThat(r.json().get("items").get(0).get("item").asText()).isEqualTo("i4");
        assertThat(r.json().get("items").get(0).get("reasons").get(0).get("text").asText()).contains("Item 1");
    }

    @Test
    void ops_healthMetricsOpenapi_areServed() {
        assertThat(t.get("/health", null).json().get("status").asText()).isEqualTo("UP");
        t.get("/v1/items", t.adminKey);
        String metrics = t.get("/metrics", null).body();
        assertThat(metrics).contains("candor_events_accepted_total").contains("candor_http_requests_seconds_count");
        assertThat(metrics.lines().filter(l -> !l.startsWith("#") && !l.isBlank())).allMatch(l -> l.startsWith("candor_"));
        assertThat(t.get("/openapi.yaml", null).body()).startsWith("openapi: 3");
    }

    @Test
    void anonymousSession_getsExplainedRecommendations_andNothingIsStored() {
        t.seedItems(60);
        java.util.Random rnd = new java.util.Random(3);
        for (int u = 0; u < 30; u++) {
            t.grant("u" + u, "personalization", "behavioral");
            int[] seen = new int[6];
            for (int k = 0; k < 6; k++) {
                seen[k] = u % 3 + 3 * rnd.nextInt(20);
            }
            views("u" + u, seen);
        }
        t.engine.retrain();
        long events = t.storage.events().count();
        Reply r = t.post("/v1/sessions/recommendations",
                "{\"events\":[{\"item\":\"i0\"},{\"item\":\"i3\",\"type\":\"view\"},{\"item\":\"i6\"}],\"n\":5}", t.key(Scope.RECOMMEND));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("personalization").asText()).isEqualTo("session");
        assertThat(r.json().get("intent").asText()).isEqualTo("research");
        assertThat(r.json().get("items")).hasSize(5);
        r.json().get("items").forEach(i -> assertThat(i.get("reasons").size()).isPositive());
        assertThat(r.body()).contains("\"session\"").doesNotContain("\"behavioral\"");
        assertThat(t.storage.events().count()).isEqualTo(events);

        assertThat(t.post("/v1/sessions/recommendations", "{\"events\":{}}", t.adminKey).code()).isEqualTo("INVALID_TYPE");
        assertThat(t.post("/v1/sessions/recommendations", "{\"events\":[],\"n\":0}", t.adminKey).code()).isEqualTo("INVALID_VALUE");
        assertThat(t.post("/v1/sessions/recommendations", "{\"events\":[{\"item\":\"i1\",\"user\":\"x\"}]}", t.adminKey).status())
                .isEqualTo(400);
    }

    @Test
    void fullRecommendations_reportTheSessionIntent() {
        t.seedItems(30);
        t.grant("ria", "personalization", "behavioral");
        assertThat(t.post("/v1/events", "[{\"user\":\"ria\",\"item\":\"i1\",\"type\":\"add_to_cart\",\"session\":\"s9\"}]",
                t.adminKey).status()).isEqualTo(200);
        Reply r = t.get("/v1/users/ria/recommendations?session=s9", t.adminKey);
        assertThat(r.json().get("intent").asText()).isEqualTo("purchase");
        assertThat(t.get("/v1/users/nobody/recommendations", t.adminKey).json().get("intent").isNull()).isTrue();
    }
}
