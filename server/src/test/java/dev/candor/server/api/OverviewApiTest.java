package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.Scope;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /v1/overview: events by type per bucket, traffic since start, CTR, parameters and scopes. */
class OverviewApiTest {
    private final TestServer t = new TestServer();

    @AfterEach
    void close() {
        t.close();
    }

    private void event(String user, String item, String type, Instant at) {
        Reply r = t.post("/v1/events", "[{\"user\":\"" + user + "\",\"item\":\"" + item + "\",\"type\":\"" + type
                + "\",\"timestamp\":\"" + at + "\"}]", t.adminKey);
        assertThat(r.json().get("accepted").asInt()).as(r.body()).isEqualTo(1);
    }

    @Test
    void overview_countsEventsByDayAndType_trafficSinceStart_andCtr() {
        t.seedItems(20);
        t.grant("ann", "personalization", "behavioral");
        t.grant("bob", "personalization", "behavioral");
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant threeDaysAgo = today.minus(Duration.ofDays(3)).plus(Duration.ofHours(10));
        event("ann", "i1", "view", threeDaysAgo);
        event("ann", "i2", "view", threeDaysAgo.plusSeconds(60));
        event("bob", "i1", "purchase", threeDaysAgo);
        event("ann", "i3", "view", today.minus(Duration.ofDays(40))); // outside a 14-day window
        event("ann", "i7", "click", today.minus(Duration.ofDays(5))); // a click on a day nothing was served: not a click on recommendations
        // now: two responses of 5 items each, and 2 clicks
        assertThat(t.get("/v1/users/ann/recommendations?n=5", t.adminKey).json().get("items")).hasSize(5);
        assertThat(t.get("/v1/users/bob/recommendations?n=5", t.adminKey).json().get("items")).hasSize(5);
        Instant now = Instant.now();
        event("ann", "i4", "click", now);
        event("bob", "i5", "click", now);
        t.grant("carl", "analytics"); // no behavioral consent: carl's event is dropped, never counted
        assertThat(t.post("/v1/events", "[{\"user\":\"carl\",\"item\":\"i1\",\"type\":\"view\"}]", t.adminKey).json()
                .at("/dropped").toString()).contains("1");

        // trust: one "too personal" on the 10 items served, and one opt-out
        assertThat(t.post("/v1/feedback", "{\"user\":\"ann\",\"item\":\"i6\",\"signal\":\"too_personal\"}", t.adminKey).status())
                .isEqualTo(201);
        assertThat(t.put("/v1/users/bob/consent", "{\"purposes\":{\"behavioral\":false}}", t.adminKey).status()).isEqualTo(200);

        JsonNode o = t.get("/v1/overview?days=14", t.key(Scope.ANALYST)).json();
        assertThat(o.get("bucket").asText()).isEqualTo("day");
        assertThat(o.get("buckets")).hasSize(14);
        assertThat(Instant.parse(o.get("to").asText())).isEqualTo(today.plus(Duration.ofDays(1)));
        JsonNode day3 = o.get("buckets").get(10);
        assertThat(day3.get("start").asText()).isEqualTo(today.minus(Duration.ofDays(3)).toString());
        assertThat(day3.at("/events/view").asInt()).isEqualTo(2);
        assertThat(day3.at("/events/purchase").asInt()).isEqualTo(1);
        assertThat(day3.get("events_total").asInt()).isEqualTo(3);
        assertThat(day3.get("responses").asInt()).isZero();
        assertThat(day3.get("ctr").isNull()).as("no items served: no rate").isTrue();
        JsonNode last = o.get("buckets").get(13);
        assertThat(last.get("responses").asInt()).isEqualTo(2);
        assertThat(last.get("items_served").asInt()).isEqualTo(10);
        assertThat(last.get("clicks").asInt()).isEqualTo(2);
        assertThat(last.get("ctr").asDouble()).isEqualTo(0.2);
        assertThat(last.at("/trust/complaints").asInt()).isEqualTo(1);
        assertThat(last.at("/trust/complaint_rate").asDouble()).isEqualTo(0.1);
        assertThat(last.at("/trust/opt_outs").asInt()).isEqualTo(1);
        assertThat(last.at("/trust/subjects_with_consent").asInt()).isEqualTo(3);
        assertThat(last.at("/trust/consent_rate/behavioral").asDouble()).isEqualTo(1.0 / 3);
        assertThat(o.at("/totals/trust/complaints").asInt()).isEqualTo(1);
        assertThat(o.at("/totals/events").asInt()).isEqualTo(6);
        assertThat(o.at("/totals/clicks").asInt()).isEqualTo(3);
        assertThat(o.at("/totals/ctr").asDouble()).as("only clicks in periods with items served count").isEqualTo(0.2);

        // beyond the 30 days the trust monitor keeps, traffic is unknown: null, not 0
        JsonNode longer = t.get("/v1/overview?days=60", t.adminKey).json();
        JsonNode old = longer.get("buckets").get(60 - 1 - 40);
        assertThat(old.at("/events/view").asInt()).isEqualTo(1);
        assertThat(old.get("responses").isNull()).isTrue();
        assertThat(old.get("trust").isNull()).isTrue();
        assertThat(Instant.parse(longer.get("served_since").asText())).isBefore(today.minus(Duration.ofDays(28)));

        JsonNode hourly = t.get("/v1/overview?hours=6", t.adminKey).json();
        assertThat(hourly.get("bucket").asText()).isEqualTo("hour");
        assertThat(hourly.get("buckets")).hasSize(6);
        assertThat(hourly.get("buckets").get(5).get("clicks").asInt()).isEqualTo(2);
        assertThat(hourly.get("buckets").get(5).get("responses").asInt()).isEqualTo(2);
    }

    @Test
    void overview_deletedEventsNoLongerCount() {
        t.seedItems(5);
        t.grant("ann", "personalization", "behavioral");
        event("ann", "i1", "view", Instant.now());
        assertThat(t.get("/v1/overview?days=1", t.adminKey).json().at("/totals/events").asInt()).isEqualTo(1);
        t.delete("/v1/users/ann", t.adminKey);
        assertThat(t.get("/v1/overview?days=1", t.adminKey).json().at("/totals/events").asInt()).isZero();
    }

    @Test
    void overview_rejectsBadParameters_andKeysWithoutTheScope() {
        for (String q : new String[] {"days=0", "days=91", "hours=0", "hours=169", "days=x", "days=3&hours=3"}) {
            Reply r = t.get("/v1/overview?" + q, t.adminKey);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.code()).as(q).isEqualTo("INVALID_PARAMETER");
        }
        assertThat(t.get("/v1/overview", null).status()).isEqualTo(401);
        assertThat(t.get("/v1/overview", t.key(Scope.INGEST)).status()).isEqualTo(403);
        assertThat(t.get("/v1/overview", t.key(Scope.RECOMMEND)).status()).isEqualTo(403);
        assertThat(t.get("/v1/overview", t.key(Scope.ANALYST)).status()).isEqualTo(200);
    }
}
