package dev.candor.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.Event;
import dev.candor.server.ServerConfig;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import dev.candor.store.Storage;
import dev.candor.store.sql.PostgresTestDatabase;
import dev.candor.store.sql.Storages;
import dev.candor.store.sql.TcpProxy;
import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away mid-run (a proxy between Candor and the database drops every connection and
 * refuses new ones): writes fail closed with 503 and acknowledge nothing; when it comes back the
 * service recovers by itself, and everything that was acknowledged is in the database.
 */
class DatabaseOutageTest {
    @Test
    void postgresOutage_failsClosedWith503_thenRecovers_losingNothingAcknowledged() throws Exception {
        PostgresTestDatabase.require();
        String schema = PostgresTestDatabase.newSchema();
        URI pg = URI.create(PostgresTestDatabase.url().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort())) {
            String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.getRawPath() + "?" + pg.getRawQuery()
                    + "&connectTimeout=2&socketTimeout=5";
            Storage storage = Storages.postgres(viaProxy, Optional.of(schema));
            try (TestServer t = new TestServer(storage, ServerConfig.defaults())) {
                t.seedItems(10);
                t.grant("olga", "personalization", "behavioral");
                Set<Double> acknowledged = new HashSet<>();
                assertThat(post(t, 1).status()).isEqualTo(200);
                acknowledged.add(1.0);

                proxy.cut();
                Reply during = post(t, 2);
                assertThat(during.status()).isEqualTo(503);
                assertThat(during.code()).isEqualTo("UNAVAILABLE");
                assertThat(during.raw().headers().firstValue("Retry-After")).isPresent();
                assertThat(t.put("/v1/users/olga/consent", "{\"purposes\":{\"analytics\":true}}", t.adminKey).status()).isEqualTo(503);
                assertThat(t.get("/health", null).status()).isEqualTo(503);

                proxy.restore();
                Reply after = null;
                for (int attempt = 0; attempt < 20; attempt++) {
                    after = post(t, 3);
                    if (after.status() == 200) {
                        break;
                    }
                    Thread.sleep(250);
                }
                assertThat(after.status()).as(after.body()).isEqualTo(200);
                acknowledged.add(3.0);
                assertThat(t.get("/health", null).status()).isEqualTo(200);

                Set<Double> stored = new HashSet<>();
                storage.events().forEach((Event e) -> stored.add(e.value()));
                assertThat(stored).isEqualTo(acknowledged);
            }
        } finally {
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    private static Reply post(TestServer t, int value) {
        return t.post("/v1/events", "[{\"user\":\"olga\",\"item\":\"i1\",\"type\":\"view\",\"value\":" + value + "}]", t.adminKey);
    }
}
