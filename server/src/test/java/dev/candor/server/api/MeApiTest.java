package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.Scope;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End-user tokens reach exactly one user's data through /v1/me and nothing else. */
class MeApiTest {
    private final TestServer t = new TestServer();
    private String ann;
    private String bob;

    @BeforeEach
    void seed() {
        t.seedItems(30);
        for (String u : new String[] {"ann", "bob"}) {
            t.grant(u, "personalization", "behavioral");
            t.post("/v1/events", "[{\"user\":\"" + u + "\",\"item\":\"i0\",\"type\":\"view\"},{\"user\":\"" + u + "\",\"item\":\"i3\",\"type\":\"view\"}]",
                    t.adminKey);
        }
        ann = token("ann");
        bob = token("bob");
    }

    @AfterEach
    void close() {
        t.close();
    }

    private String token(String user) {
        Reply r = t.post("/v1/users/" + user + "/token", "{\"ttl_seconds\":600}", t.adminKey);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("me_url").asText()).startsWith("/me#token=");
        return r.json().get("token").asText();
    }

    @Test
    void aTokenReachesItsOwnUser() {
        assertThat(t.get("/v1/me/profile", ann).json().at("/events/count").asInt()).isEqualTo(2);
        assertThat(t.get("/v1/me/recommendations", ann).status()).isEqualTo(200);
        assertThat(t.put("/v1/me/consent", "{\"purposes\":{\"behavioral\":false}}", ann).status()).isEqualTo(200);
        assertThat(t.get("/v1/me/recommendations", ann).json().get("personalization").asText()).isEqualTo("light");
        assertThat(t.get("/v1/users/bob/consent", t.adminKey).json().at("/purposes/behavioral").asBoolean()).isTrue();
        long event = t.get("/v1/me/events", ann).json().at("/events/0/id").asLong();
        assertThat(t.delete("/v1/me/events/" + event, bob).status()).isEqualTo(404); // not bob's event
        assertThat(t.delete("/v1/me/events/" + event, ann).status()).isEqualTo(204);
        assertThat(t.post("/v1/me/feedback", "{\"item\":\"i6\",\"signal\":\"not_interested\"}", ann).status()).isEqualTo(201);
        assertThat(t.get("/v1/me/export", ann).json().get("feedback")).hasSize(1);
        assertThat(t.get("/v1/me/export", ann).json().get("audit").size()).isPositive();
        assertThat(t.delete("/v1/me/events", ann).json().get("deleted").asInt()).isEqualTo(1);
        Reply erased = t.delete("/v1/me", bob);
        assertThat(erased.json().get("hash").asText()).hasSize(64);
        assertThat(t.get("/v1/users/ann/profile", t.adminKey).json().at("/consent/recorded").asBoolean()).isTrue();
    }

    @Test
    void aTokenOpensNoOtherRoute_andKeysDoNotOpenMe() {
        for (RouteTable.Route r : t.server.routes().routes()) {
            String path = r.pattern().replace("{id}", "bob").replaceAll("\\{[A-Za-z]+\\}", "1");
            Reply reply = t.send(r.method().text(), path, "{}", ann, "application/json");
            if (r.endUser()) {
                assertThat(reply.status()).as(r.pattern()).isNotIn(401, 403);
                Reply withKey = t.send(r.method().text(), path, "{}", t.adminKey, "application/json");
                assertThat(withKey.status()).as("admin key on " + r.pattern()).isEqualTo(401);
            } else if (!r.scopes().isEmpty()) {
                assertThat(reply.status()).as("ann's token on " + r.method().text() + " " + r.pattern()).isEqualTo(401);
            }
            if (r.endUser() && r.method().text().equals("DELETE") && r.pattern().equals("/v1/me")) {
                ann = token("ann"); // the erase route just erased ann; later routes still need a valid token
            }
        }
    }

    @Test
    void forgedExpiredOrAlgNoneTokensAreRefused() {
        String[] parts = ann.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceAll("\"sub\":\"[0-9a-f]+\"", "\"sub\":\"" + "0".repeat(64) + "\"").getBytes());
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        for (String bad : new String[] {parts[0] + "." + otherPayload + "." + parts[2], none + "." + parts[1] + ".", ann + "x", "", "not.a.jwt",
                t.key(Scope.ADMIN)}) {
            assertThat(t.get("/v1/me/profile", bad).status()).as(bad).isEqualTo(401);
        }
        assertThat(t.post("/v1/users/ann/token", "{\"ttl_seconds\":7200}", t.adminKey).code()).isEqualTo("INVALID_VALUE");
        assertThat(t.post("/v1/users/ann/token", "{}", t.key(Scope.INGEST)).status()).isEqualTo(403);
    }
}
