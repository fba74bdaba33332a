package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.Scope;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnalyticsApiTest {
    private final TestServer t = new TestServer();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void noisyCountsWithIntervals_spendTheBudget_andArRefusedPastIt() {
        t.seedItems(30);
        for (int u = 0; u < 40; u++) {
            t.grant("an" + u, "personalization", "behavioral", "analytics");
            t.post("/v1/events", "[{\"user\":\"an" + u + "\",\"item\":\"i0\",\"type\":\"view\"},{\"user\":\"an" + u + "\",\"item\":\"i" + (u % 5)
                    + "\",\"type\":\"view\"}]", t.adminKey);
        }
        String analyst = t.key(Scope.ANALYST);
        Reply r = t.get("/v1/analytics/top-items?epsilon=2&k=3", analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("top_items")).hasSize(3);
        assertThat(r.json().at("/top_items/0/ci95").size()).isEqualTo(2);
        assertThat(r.json().at("/budget/remaining").asDouble()).isEqualTo(8.0);
        assertThat(t.get("/v1/analytics/categories?epsilon=3", analyst).status()).isEqualTo(200);
        assertThat(t.get("/v1/analytics/budget", analyst).json().get("remaining").asDouble()).isEqualTo(5.0);
        assertThat(t.get("/v1/analytics/top-items?epsilon=5", analyst).status()).isEqualTo(200);
        Reply refused = t.get("/v1/analytics/top-items?epsilon=0.5", analyst);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("PRIVACY_BUDGET_EXHAUSTED");
        assertThat(t.get("/v1/analytics/budget", t.key(Scope.ANALYST)).json().get("remaining").asDouble()).as("each key has its own").isEqualTo(10.0);
        assertThat(t.get("/v1/analytics/top-items?epsilon=1", t.key(Scope.RECOMMEND)).status()).isEqualTo(403);
        assertThat(t.get("/v1/analytics/top-items", analyst).code()).isEqualTo("MISSING_PARAMETER");
        assertThat(t.get("/v1/analytics/top-items?epsilon=NaN", analyst).code()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void segments_showOnlySegmentsOfAtLeastKPeople_withIntervals_andSpendTheBudget() {
        t.seedItems(30);
        // 120 people mostly into category a (items i0, i3, …), 10 into b: with k = 50 only a is shown
        StringBuilder events = new StringBuilder("[");
        for (int u = 0; u < 130; u++) {
            t.grant("seg" + u, "personalization", "behavioral", "analytics");
            int item = u < 120 ? 3 * (u % 3) : 1 + 3 * (u % 3);
            for (int k = 0; k < 3; k++) {
                events.append(events.length() == 1 ? "" : ",").append("{\"user\":\"seg").append(u).append("\",\"item\":\"i").append(item)
                        .append("\",\"type\":\"view\"}");
            }
        }
        assertThat(t.post("/v1/events", events.append("]").toString(), t.adminKey).status()).isEqualTo(200);
        String analyst = t.key(Scope.ANALYST);
        Reply r = t.get("/v1/analytics/segments?epsilon=4", analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("min_people").asInt()).isEqualTo(50);
        assertThat(r.json().get("segments")).hasSize(1);
        var a = r.json().at("/segments/0");
        assertThat(a.get("segment").asText()).isEqualTo("a");
        // 120 people (noise scale 2/4: |Z| < 20 except with probability < 1e-17) with 3 events each, capped at 50
        assertThat(a.at("/people/count").asLong()).isBetween(100L, 140L);
        assertThat(a.at("/people/ci95/0").asLong()).isLessThan(a.at("/people/count").asLong());
        assertThat(a.at("/events/ci95").size()).isEqualTo(2);
        assertThat(a.at("/events_per_person/value").asDouble()).isBetween(1.0, 5.0);
        assertThat(r.json().at("/budget/remaining").asDouble()).isEqualTo(6.0);
        Reply refused = t.get("/v1/analytics/segments?epsilon=6.5", analyst);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("PRIVACY_BUDGET_EXHAUSTED");
        assertThat(t.get("/v1/analytics/segments", analyst).code()).isEqualTo("MISSING_PARAMETER");
        assertThat(t.get("/v1/analytics/segments?epsilon=11", analyst).code()).isEqualTo("INVALID_PARAMETER");
        assertThat(t.get("/v1/analytics/segments?epsilon=1", t.key(Scope.INGEST)).status()).isEqualTo(403);
        assertThat(t.get("/v1/analytics/budget", analyst).json().get("remaining").asDouble()).as("refusals spend nothing").isEqualTo(6.0);
    }
}
