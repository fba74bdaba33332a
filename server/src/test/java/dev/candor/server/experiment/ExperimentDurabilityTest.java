package dev.candor.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.server.ServerConfig;
import dev.candor.server.TestServer;
import dev.candor.store.Storage;
import dev.candor.store.sql.PostgresTestDatabase;
import dev.candor.store.sql.Storages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiments, collections, trust metrics and exposure are durable: a server on SQLite or
 * PostgreSQL is fed traffic, stopped, and started again on the same database; every result and
 * metric reads the same, and outcomes credited after the restart land on impressions served before it.
 */
class ExperimentDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void sqlite_resultsAndMetricsSurviveARestart() {
        Path file = dir.resolve("candor.db");
        restartKeepsEverything(() -> Storages.sqlite(file));
    }

    @Test
    void postgres_resultsAndMetricsSurviveARestart() {
        PostgresTestDatabase.require();
        String schema = PostgresTestDatabase.newSchema();
        try {
            restartKeepsEverything(() -> Storages.postgres(PostgresTestDatabase.url(), Optional.of(schema)));
        } finally {
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    private void restartKeepsEverything(Supplier<Storage> storage) {
        List<String> users = Traffic.users("d", 120);
        JsonNode results;
        JsonNode trust;
        JsonNode fairness;
        JsonNode collections;
        String pending;
        String servedBefore;
        try (TestServer t = new TestServer(storage.get(), ServerConfig.defaults())) {
            Traffic traffic = new Traffic(t, 99);
            traffic.setUp(40, users, List.of("personalization", "behavioral", "experiments"));
            t.put("/v1/collections/picks", "{\"title\":\"Picks\",\"items\":[\"i1\",\"i2\",\"i3\"]}", t.adminKey);
            assertThat(t.post("/v1/experiments", """
                    {"id": "durable", "name": "durable", "variants": [{"name": "a", "strategy": "hybrid"},
                     {"name": "b", "strategy": "curated", "collections": ["picks"]}]}""", t.adminKey).status()).isEqualTo(201);
            Traffic.Sent sent = traffic.run(users, 2, "home", Map.of("a", new Traffic.Behaviour(0.2, 0.1, 0.05),
                    "b", new Traffic.Behaviour(0.3, 0.1, 0.05)), new Traffic.Behaviour(0, 0, 0));
            pending = sent.lastRequest.get("d7");
            servedBefore = sent.variantOf.get("d7");
            results = withoutTime(t.get("/v1/experiments/durable/results", t.adminKey).json());
            trust = t.get("/v1/trust/metrics", t.adminKey).json().get("total");
            t.engine.retrain(); // popularity deciles rest on the models, which a restart retrains on all events
            fairness = t.get("/v1/fairness?sample=0", t.adminKey).json();
            collections = t.get("/v1/collections", t.adminKey).json();
            assertThat(results.at("/variants/0/impressions").asInt() + results.at("/variants/1/impressions").asInt()).isEqualTo(240);
            assertThat(trust.get("items_served").asInt()).isEqualTo(240 * 5);
            assertThat(trust.get("explanation_coverage").asDouble()).isEqualTo(1.0);
        }
        try (TestServer t = new TestServer(storage.get(), ServerConfig.defaults())) {
            assertThat(withoutTime(t.get("/v1/experiments/durable/results", t.adminKey).json())).isEqualTo(results);
            assertThat(t.get("/v1/trust/metrics", t.adminKey).json().get("total")).isEqualTo(trust);
            assertThat(t.get("/v1/fairness?sample=0", t.adminKey).json()).isEqualTo(fairness);
            assertThat(t.get("/v1/collections", t.adminKey).json()).isEqualTo(collections);
            assertThat(t.get("/v1/experiments/durable", t.adminKey).json().get("status").asText()).isEqualTo("running");
            // assignment is deterministic across restarts, and a click on a response served before the restart is credited
            long clicksBefore = clicks(results);
            JsonNode again = t.get("/v1/users/d7/recommendations", t.adminKey).json();
            assertThat(again.get("variant").asText()).isEqualTo(servedBefore).isNotEmpty();
            t.post("/v1/events", "[" + Traffic.event("d7", "i1", "click", pending, null) + "]", t.adminKey);
            long clicksAfter = clicks(t.get("/v1/experiments/durable/results", t.adminKey).json());
            assertThat(clicksAfter - clicksBefore).isBetween(0L, 1L); // 1 unless that response was already clicked
        }
    }

    private static long clicks(JsonNode results) {
        long n = 0;
        for (JsonNode v : results.get("variants")) {
            n += v.at("/metrics/ctr/count").asLong();
        }
        return n;
    }

    private static JsonNode withoutTime(JsonNode results) {
        ObjectNode copy = results.deepCopy();
        copy.remove("at");
        return copy;
    }
}
