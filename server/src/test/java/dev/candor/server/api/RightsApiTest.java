package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.Scope;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profile, events, corrections, export and erasure over HTTP. */
class RightsApiTest {
    private final TestServer t = new TestServer();

    @BeforeEach
    void seed() {
        t.seedItems(30);
        t.grant("rita", "personalization", "behavioral");
        Reply r = t.post("/v1/events", "[{\"user\":\"rita\",\"item\":\"i0\",\"type\":\"view\"},{\"user\":\"rita\",\"item\":\"i3\",\"type\":\"purchase\"},"
                + "{\"user\":\"rita\",\"item\":\"i1\",\"type\":\"view\"}]", t.adminKey);
        assertThat(r.body()).contains("\"accepted\":3");
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void profile_explainsConsentsInterestsAndEvidenceInPlainLanguage() {
        Reply p = t.get("/v1/users/rita/profile", t.adminKey);
        assertThat(p.status()).isEqualTo(200);
        JsonNode j = p.json();
        assertThat(j.at("/consent/purposes/behavioral/granted").asBoolean()).isTrue();
        assertThat(j.at("/consent/purposes/behavioral/what_it_means").asText()).startsWith("Remember what you view");
        assertThat(j.at("/consent/history")).hasSize(2);
        assertThat(j.at("/interests/0/category").asText()).isEqualTo("a");
        assertThat(j.at("/interests/0/evidence/0/type").asText()).isEqualTo("purchase");
        assertThat(j.at("/events/count").asInt()).isEqualTo(3);
        assertThat(j.at("/summary").asText()).contains("We hold 3 events of yours").contains("most interested in a");
        assertThat(p.body()).doesNotContain("rita");
        assertThat(t.get("/v1/users/rita/profile", t.key(Scope.INGEST)).status()).isEqualTo(403);
    }

    @Test
    void events_canBeListedAndDeletedOneByOne() {
        JsonNode events = t.get("/v1/users/rita/events?limit=2", t.adminKey).json();
        assertThat(events.get("events")).hasSize(2);
        String next = events.get("next").asText();
        assertThat(t.get("/v1/users/rita/events?limit=2&cursor=" + next, t.adminKey).json().get("events")).hasSize(1);
        long id = events.at("/events/0/id").asLong();
        assertThat(t.delete("/v1/users/someone-else/events/" + id, t.adminKey).code()).isEqualTo("UNKNOWN_EVENT");
        assertThat(t.delete("/v1/users/rita/events/" + id, t.adminKey).status()).isEqualTo(204);
        assertThat(t.delete("/v1/users/rita/events/" + id, t.adminKey).status()).isEqualTo(404);
        assertThat(t.delete("/v1/users/rita/events/not-a-number", t.adminKey).code()).isEqualTo("INVALID_PARAMETER");
        assertThat(t.get("/v1/users/rita/events?cursor=x", t.adminKey).code()).isEqualTo("INVALID_PARAMETER");
        assertThat(t.get("/v1/users/rita/profile", t.adminKey).json().at("/events/count").asInt()).isEqualTo(2);
    }

    @Test
    void removingAnInterest_isRememberedAndShown() {
        Reply r = t.delete("/v1/users/rita/interests/a", t.adminKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("hidden_interests").toString()).isEqualTo("[\"a\"]");
        JsonNode interests = t.get("/v1/users/rita/profile", t.adminKey).json().get("interests");
        interests.forEach(i -> assertThat(i.get("category").asText()).isNotEqualTo("a"));
        // a later preferences update keeps the removal unless it says otherwise
        t.put("/v1/users/rita/preferences", "{\"liked_categories\":[\"b\"]}", t.adminKey);
        assertThat(t.get("/v1/users/rita/preferences", t.adminKey).json().get("hidden_interests").toString()).isEqualTo("[\"a\"]");
    }

    @Test
    void export_holdsEverything_andErasureLeavesNothing() {
        t.post("/v1/feedback", "{\"user\":\"rita\",\"item\":\"i6\",\"signal\":\"not_interested\"}", t.adminKey);
        Reply export = t.get("/v1/users/rita/export", t.adminKey);
        assertThat(export.raw().headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
        JsonNode e = export.json();
        assertThat(e.get("events")).hasSize(3);
        assertThat(e.get("feedback")).hasSize(1);
        assertThat(e.get("consent_history")).hasSize(2);

        Reply erase = t.delete("/v1/users/rita", t.adminKey);
        assertThat(erase.status()).isEqualTo(200);
        assertThat(erase.json().at("/removed/events").asLong()).isEqualTo(3);
        assertThat(erase.json().at("/removed/feedback").asLong()).isEqualTo(1);
        assertThat(erase.json().get("hash").asText()).hasSize(64);
        assertThat(erase.json().get("models")).allSatisfy(m -> assertThat(m.get("method").asText()).startsWith("exact"));

        JsonNode after = t.get("/v1/users/rita/export", t.adminKey).json();
        assertThat(after.get("events")).isEmpty();
        assertThat(after.get("feedback")).isEmpty();
        assertThat(after.get("consent_history")).isEmpty();
        assertThat(after.at("/consent/recorded").asBoolean()).isFalse();
    }
}
