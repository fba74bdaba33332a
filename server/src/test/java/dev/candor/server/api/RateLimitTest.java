package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.Scope;
import dev.candor.server.ServerConfig;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import dev.candor.testing.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-key rate limits: a key past its budget gets 429 with Retry-After; other keys are unaffected. */
class RateLimitTest {
    private final TestServer t = new TestServer(new InMemoryStorage(), ServerConfig.defaults().withRateLimit(5));

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aKeyPastItsBurstGets429_andAnotherKeyDoesNot() {
        String busy = t.key(Scope.RECOMMEND);
        int limited = 0;
        Reply last = null;
        for (int i = 0; i < 30; i++) {
            last = t.get("/v1/users/u/recommendations", busy);
            if (last.status() == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(15);
        assertThat(last.code()).isEqualTo("RATE_LIMITED");
        assertThat(last.raw().headers().firstValue("Retry-After")).contains("1");
        assertThat(t.get("/v1/users/u/recommendations", t.key(Scope.RECOMMEND)).status()).isEqualTo(200);
        assertThat(t.get("/health", null).status()).isEqualTo(200);
    }
}
