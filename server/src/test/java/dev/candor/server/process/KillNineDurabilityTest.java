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

    /**
     * Three rounds: a server process ingests for some users while others are erased (each erasure
     * retrains every model) and consents change, and is killed with SIGKILL at a random moment. After
     * the last restart the audit chain verifies, every acknowledged event of a user never erased is
     * stored, and no user whose erasure was acknowledged has anything left.
     */
    @Test
    void repeatedKillNineDuringIngestErasureAndTraining_leavesAConsistentStoreAndAValidAuditChain() throws Exception {
        Map<String, String> env = Map.of("CANDOR_ADMIN_KEY", ADMIN);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> erased = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger(1000); // above the value 1 of the erased users' events
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(99);
        for (int round = 0; round < 3; round++) {
            try (ServerProcess server = ServerProcess.start(data, Optional.empty(), env)) {
                if (round == 0) {
                    StringBuilder items = new StringBuilder("[");
                    for (int i = 0; i < 50; i++) {
                        items.append(i == 0 ? "" : ",").append("{\"id\":\"sku-").append(i).append("\"}");
                    }
                    send(server.base(), "POST", "/v1/items:batch", items.append("]").toString());
                    for (int u = 0; u < USERS; u++) {
                        send(server.base(), "PUT", "/v1/users/durable-user-" + u + "/consent",
                                "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}");
                    }
                }
                AtomicBoolean stop = new AtomicBoolean();
                int r = round;
                try (ExecutorService clients = Executors.newFixedThreadPool(3)) {
                    clients.submit(() -> {
                        while (!stop.get()) {
                            StringBuilder batch = new StringBuilder("[");
                            List<Long> values = new ArrayList<>();
                            for (int i = 0; i < 100; i++) {
                                long v = sequence.incrementAndGet();
                                values.add(v);
                                batch.append(i == 0 ? "" : ",").append("{\"user\":\"durable-user-").append(v % USERS)
                                        .append("\",\"item\":\"sku-").append(v % 50).append("\",\"type\":\"view\",\"value\":").append(v).append('}');
                            }
                            try {
                                if (send(server.base(), "POST", "/v1/events", batch.append(']').toString()).statusCode() == 200) {
                                    acknowledged.addAll(values);
                                }
                            } catch (Exception lost) {
                                // not acknowledged
                            }
                        }
                        return null;
                    });
                    clients.submit(() -> {
                        for (int k = 0; !stop.get(); k++) {
                            String user = "gone-" + r + "-" + k;
                            try {
                                send(server.base(), "PUT", "/v1/users/" + user + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}");
                                send(server.base(), "POST", "/v1/events", "[{\"user\":\"" + user + "\",\"item\":\"sku-1\",\"type\":\"view\"}]");
                                if (send(server.base(), "DELETE", "/v1/users/" + user, null).statusCode() == 200) {
                                    erased.add(user);
                                }
                            } catch (Exception lost) {
                                // not acknowledged
                            }
                        }
                        return null;
                    });
                    Thread.sleep(1500 + rnd.nextInt(2000));
                    server.kill9();
                    stop.set(true);
                }
            }
        }
        assertThat(erased).isNotEmpty();
        try (ServerProcess last = ServerProcess.start(data, Optional.empty(), env)) {
            assertThat(send(last.base(), "GET", "/health", null).statusCode()).isEqualTo(200);
            var verify = new com.fasterxml.jackson.databind.ObjectMapper().readTree(send(last.base(), "GET", "/v1/audit/verify", null).body());
            assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
            for (String user : erased) {
                assertThat(send(last.base(), "GET", "/v1/users/" + user + "/events", null).body()).as(user).contains("\"events\":[]");
            }
        }
        Set<Long> stored = new HashSet<>();
        try (Storage s = Storages.open(Optional.empty(), data)) {
            s.events().forEach((Event e) -> stored.add((long) e.value()));
        }
        Set<Long> missing = new HashSet<>(acknowledged);
        missing.removeAll(stored);
        assertThat(missing).as("acknowledged events lost").isEmpty();
    }

    private static HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        return new ProcessClient(base, ADMIN).send(method, path, body);
    }
}
