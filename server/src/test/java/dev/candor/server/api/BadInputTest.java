package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.server.ServerConfig;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import dev.candor.testing.InMemoryStorage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every client mistake gets a documented 4xx code, and changes nothing. */
class BadInputTest {
    private final TestServer t = new TestServer(new InMemoryStorage(),
            new ServerConfig("127.0.0.1", 0, 2 * 1024 * 1024, 10_000, true, Duration.ofMinutes(1)));
    private long events;
    private long items;

    @BeforeEach
    void seed() {
        t.seedItems(20);
        t.grant("u1", "personalization", "behavioral");
        t.post("/v1/events", "[{\"user\":\"u1\",\"item\":\"i1\",\"type\":\"view\"}]", t.adminKey);
        events = t.storage.events().count();
        items = t.storage.items().count();
    }

    @AfterEach
    void unchanged() {
        t.close();
    }

    private void assertNothingChanged() {
        assertThat(t.storage.events().count()).isEqualTo(events);
        assertThat(t.storage.items().count()).isEqualTo(items);
    }

    private void assertError(Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.code()).as(r.body()).isEqualTo(code);
        assertThat(r.json().get("error").get("message").asText()).isNotBlank();
    }

    @Test
    void malformedJson_is400MalformedJson() {
        assertError(t.post("/v1/events", "[{\"user\":\"u1\",", t.adminKey), 400, "MALFORMED_JSON");
        assertError(t.put("/v1/users/u1/consent", "{purposes: true}", t.adminKey), 400, "MALFORMED_JSON");
        assertError(t.post("/v1/events", "[] trailing", t.adminKey), 400, "MALFORMED_JSON");
        assertNothingChanged();
    }

    @Test
    void wrongTypes_are400InvalidTypeWithField() {
        Reply r = t.put("/v1/users/u1/consent", "{\"purposes\":{\"behavioral\":\"yes\"}}", t.adminKey);
        assertError(r, 400, "INVALID_TYPE");
        assertThat(r.json().get("error").get("field").asText()).isEqualTo("purposes.behavioral");
        assertError(t.put("/v1/items/x", "{\"categories\":\"books\"}", t.adminKey), 400, "INVALID_TYPE");
        assertError(t.post("/v1/events", "{\"user\":\"u1\"}", t.adminKey), 400, "INVALID_BODY");
        assertError(t.put("/v1/users/u1/consent", "{\"purposes\":{\"mind_reading\":true}}", t.adminKey), 400, "UNKNOWN_PURPOSE");
        assertError(t.put("/v1/users/u1/preferences", "{\"intensity\":\"extreme\"}", t.adminKey), 400, "INVALID_VALUE");
        assertError(t.put("/v1/users/u1/preferences", "{\"colour\":\"red\"}", t.adminKey), 400, "UNKNOWN_FIELD");
        assertNothingChanged();
    }

    @Test
    void unknownItem_inFeedbackAndPath_areReported() {
        assertError(t.post("/v1/feedback", "{\"user\":\"u1\",\"item\":\"ghost\",\"signal\":\"not_interested\"}", t.adminKey),
                400, "UNKNOWN_ITEM");
        assertError(t.get("/v1/items/ghost", t.adminKey), 404, "UNKNOWN_ITEM");
        Reply r = t.post("/v1/events", "[{\"user\":\"u1\",\"item\":\"ghost\",\"type\":\"view\"}]", t.adminKey);
        assertError(r, 400, "INVALID_EVENTS");
        assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("UNKNOWN_ITEM");
        assertNothingChanged();
    }

    @Test
    void oversizedBody_is413PayloadTooLarge() {
        String huge = "[" + "{\"user\":\"u1\",\"item\":\"i1\",\"type\":\"view\"},".repeat(60_000) + "{}]";
        assertError(t.post("/v1/events", huge, t.adminKey), 413, "PAYLOAD_TOO_LARGE");
        assertNothingChanged();
    }

    @Test
    void tooManyRows_is413BatchTooLarge() {
        String rows = "[" + "{\"user\":\"u1\",\"item\":\"i1\",\"type\":\"view\"},".repeat(10_000) + "{\"user\":\"u1\",\"item\":\"i1\",\"type\":\"view\"}]";
        assertError(t.post("/v1/events", rows, t.adminKey), 413, "BATCH_TOO_LARGE");
        assertNothingChanged();
    }

    @Test
    void tenThousandRowBatchWithSomeBadRows_storesGoodRowsAndReportsEachBadOne() {
        StringBuilder sb = new StringBuilder("[");
        int bad = 0;
        for (int i = 0; i < 10_000; i++) {
            sb.append(i == 0 ? "" : ",");
            if (i % 97 == 0) {
                sb.append("{\"user\":\"u1\",\"item\":\"ghost-").append(i).append("\",\"type\":\"view\"}");
                bad++;
            } else if (i % 101 == 0) {
                sb.append("{\"user\":\"u1\",\"item\":\"i2\",\"type\":\"view\",\"value\":[1]}");
                bad++;
            } else {
                sb.append("{\"user\":\"u1\",\"item\":\"i").append(i % 20).append("\",\"type\":\"view\"}");
            }
        }
        Reply r = t.post("/v1/events", sb.append("]").toString(), t.adminKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(10_000 - bad);
        assertThat(r.json().get("errors")).hasSize(bad);
        assertThat(r.json().get("errors").get(0).get("index").asInt()).isZero();
        assertThat(t.storage.events().count()).isEqualTo(events + 10_000 - bad);
    }

    @Test
    void wrongContentTypeMethodOrPath_areJsonErrors() {
        assertError(t.send("POST", "/v1/events", "user=u1", t.adminKey, "application/x-www-form-urlencoded"), 415, "UNSUPPORTED_MEDIA_TYPE");
        Reply r = t.send("PATCH", "/v1/events", "[]", t.adminKey, "application/json");
        assertError(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.raw().headers().firstValue("Allow")).contains("POST");
        assertError(t.get("/v1/nothing-here", t.adminKey), 404, "NOT_FOUND");
        assertError(t.get("/v1/users/u1/recommendations?n=0", t.adminKey), 400, "INVALID_PARAMETER");
        assertError(t.get("/v1/users/u1/recommendations?n=abc", t.adminKey), 400, "INVALID_PARAMETER");
        assertError(t.get("/v1/items?cursor=!!!", t.adminKey), 400, "INVALID_PARAMETER");
        assertNothingChanged();
    }

    @Test
    void hostileStrings_areRejectedWithoutEcho() {
        String hostile = "u1\\u0000'); DROP TABLE events;--<script>";
        Reply r = t.post("/v1/events", "[{\"user\":\"" + hostile + "\",\"item\":\"i1\",\"type\":\"view\"}]", t.adminKey);
        assertError(r, 400, "INVALID_EVENTS");
        assertThat(r.body()).doesNotContain("DROP TABLE").doesNotContain("<script>");
        Reply deep = t.post("/v1/events", "[".repeat(200) + "]".repeat(200), t.adminKey);
        assertError(deep, 400, "JSON_LIMIT_EXCEEDED");
        assertNothingChanged();
    }
}
