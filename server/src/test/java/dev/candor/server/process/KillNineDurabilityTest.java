package dev.candor.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.Event;
import dev.candor.store.Storage;
import dev.candor.store.sql.PostgresTestDatabase;
import dev.candor.store.sql.Storages;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL while clients stream event batches, restarts it on the same data
 * directory, and checks that every event of every batch that was acknowledged with a 2xx is stored.
 * Each event carries a unique value so it can be found again.
 */
class KillNineDurabilityTest {
    private static final String ADMIN = "cnd_KillNineDurabilityTestAdminKey1";
    private static final int USERS = 20;
    private static final int BATCH = 250;

    @TempDir
    Path data;

    @Test
    void sqlite_everyAcknowledgedEventSurvivesKillNine() throws Exception {
        run(Optional.empty());
    }

    @Test
    void postgres_everyAcknowledgedEventSurvivesKillNine() throws Exception {
        PostgresTestDatabase.require();
        String schema = PostgresTestDatabase.newSchema();
        PostgresTestDatabase.createSchema(schema);
        try {
            run(Optional.of(PostgresTestDatabase.url() + "&currentSchema=" + schema));
        } finally {
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    private void run(Optional<String> db) throws Exception {
        Map<String, String> env = Map.of("CANDOR_ADMIN_KEY", ADMIN);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger batchesAcked = new AtomicInteger();
        try (ServerProcess first = ServerProcess.start(data, db, env)) {
            StringBuilder items = new StringBuilder("[");
            for (int i = 0; i < 100; i++) {
                items.append(i == 0 ? "" : ",").append("{\"id\":\"sku-").append(i).append("\",\"categories\":[\"c").append(i % 5).append("\"]}");
            }
            assertThat(send(first.base(), "POST", "/v1/items:batch", items.append("]").toString()).statusCode()).isEqualTo(200);
            for (int u = 0; u < USERS; u++) {
                assertThat(send(first.base(), "PUT", "/v1/users/durable-user-" + u + "/consent",
                        "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}").statusCode()).isEqualTo(200);
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sequence = new AtomicInteger();
            try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
                for (int c = 0; c < 4; c++) {
                    clients.submit(() -> {
                        while (!stop.get()) {
                            List<Long> values = new ArrayList<>();
                            StringBuilder batch = new StringBuilder("[");
                            for (int i = 0; i < BATCH; i++) {
                                long v = sequence.incrementAndGet();
                                values.add(v);
                                batch.append(i == 0 ? "" : ",").append("{\"user\":\"durable-user-").append(v % USERS)
                                        .append("\",\"item\":\"sku-").append(v % 100).append("\",\"type\":\"view\",\"value\":").append(v).append('}');
                            }
                            try {
                                HttpResponse<String> r = send(first.base(), "POST", "/v1/events", batch.append(']').toString());
                                if (r.statusCode() / 100 == 2) {
                                    assertThat(r.body()).contains("\"accepted\":" + BATCH);
                                    acknowledged.addAll(values);
                                    batchesAcked.incrementAndGet();
                                }
                            } catch (Exception connectionLost) {
                                // no reply: not acknowledged, nothing is promised
                            }
                        }
                        return null;
                    });
                }
                while (batchesAcked.get() < 40) {
                    Thread.sleep(10);
                }
                first.kill9();
                stop.set(true);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40 * BATCH);

        try (ServerProcess second = ServerProcess.start(data, db, env)) {
            assertThat(send(second.base(), "GET", "/health", null).statusCode()).isEqualTo(200);
            Set<Long> stored = new HashSet<>();
            try (Storage s = Storages.open(db, data)) {
                s.events().forEach((Event e) -> stored.add((long) e.value()));
            }
            Set<Long> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            assertThat(missing).as("acknowledged events lost after kill -9").isEmpty();
            // The restarted server takes new events on top of the recovered ones.
            HttpResponse<String> after = send(second.base(), "POST", "/v1/events",
                    "[{\"user\":\"durable-user-1\",\"item\":\"sku-1\",\"type\":\"view\"}]");
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("\"accepted\":1");
        }
    }

    private static HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        return new ProcessClient(base, ADMIN).send(method, path, body);
    }
}
