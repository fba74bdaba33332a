package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.Scope;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {
    private final TestServer t = new TestServer();

    @AfterEach
    void close() {
        t.close();
    }

    private static String concrete(String pattern) {
        return pattern.replace("{id}", "someone").replaceAll("\\{[A-Za-z]+\\}", "1");
    }

    @Test
    void everyProtectedRoute_withoutKey_is401() {
        for (RouteTable.Route r : t.server.routes().routes()) {
            if (r.scopes().isEmpty()) {
                continue;
            }
            Reply reply = t.send(r.method().text(), concrete(r.pattern()), "{}", null, "application/json");
            assertThat(reply.status()).as(r.method().text() + " " + r.pattern()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void everyProtectedRoute_withKeyLackingScope_is403_andAllowedScopeGetsThrough() {
        for (RouteTable.Route r : t.server.routes().routes()) {
            if (r.scopes().isEmpty()) {
                continue;
            }
            Set<Scope> others = EnumSet.complementOf(EnumSet.copyOf(r.scopes()));
            others.remove(Scope.ADMIN);
            for (Scope wrong : others) {
                Reply reply = t.send(r.method().text(), concrete(r.pattern()), "{}", t.key(wrong), "application/json");
                assertThat(reply.status()).as(wrong + " on " + r.method().text() + " " + r.pattern()).isEqualTo(403);
                assertThat(reply.code()).isEqualTo("FORBIDDEN");
            }
            for (Scope right : r.scopes()) {
                Reply reply = t.send(r.method().text(), concrete(r.pattern()), "{}", t.key(right), "application/json");
                assertThat(reply.status()).as(right + " on " + r.method().text() + " " + r.pattern()).isNotIn(401, 403);
            }
            Reply admin = t.send(r.method().text(), concrete(r.pattern()), "{}", t.adminKey, "application/json");
            assertThat(admin.status()).as("admin on " + r.pattern()).isNotIn(401, 403);
        }
    }

    @Test
    void invalidOrRevokedKey_is401() {
        assertThat(t.get("/v1/items", "cnd_not-a-real-key-at-all-000000").status()).isEqualTo(401);
        var created = t.keys.create(Set.of(Scope.INGEST), "to revoke");
        assertThat(t.get("/v1/items", created.secret()).status()).isEqualTo(200);
        t.keys.revoke(created.keyId());
        assertThat(t.get("/v1/items", created.secret()).status()).isEqualTo(401);
    }

    @Test
    void ingestKey_cannotAskForRecommendations() {
        assertThat(t.get("/v1/users/x/recommendations", t.key(Scope.INGEST)).status()).isEqualTo(403);
        assertThat(t.get("/v1/users/x/recommendations", t.key(Scope.ANALYST)).status()).isEqualTo(403);
    }
}
