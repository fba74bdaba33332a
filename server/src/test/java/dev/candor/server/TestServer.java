package dev.candor.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.engine.Engine;
import dev.candor.engine.EngineConfig;
import dev.candor.model.Scope;
import dev.candor.privacy.HmacPseudonymizer;
import dev.candor.server.auth.ApiKeys;
import dev.candor.store.Storage;
import dev.candor.testing.InMemoryStorage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Set;

/**
 * A real Candor server on a free port over a given storage (in memory by default), with an admin
 * key and a small HTTP client. Reuses the production route registration.
 */
public final class TestServer implements AutoCloseable {
    public final Storage storage;
    public final Engine engine;
    public final CandorServer server;
    public final ApiKeys keys;
    public final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer() {
        this(new InMemoryStorage(), ServerConfig.defaults());
    }

    public TestServer(Storage storage, ServerConfig config) {
        this(storage, config, EngineConfig.defaults());
    }

    /** A server with these engine settings (model retraining on demand only). */
    public TestServer(Storage storage, ServerConfig config, EngineConfig engineConfig) {
        this.storage = storage;
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        this.engine = Engine.builder().storage(storage).pseudonymizer(new HmacPseudonymizer(key)).masterKey(key)
                .config(engineConfig.withRetrainInterval(Duration.ZERO)).build();
        this.keys = new ApiKeys(storage.apiKeys(), InstantSource.system()).auditTo(engine.audit());
        this.adminKey = keys.create(Set.of(Scope.ADMIN), "test admin").secret();
        this.server = CandorServer.start(engine, config.withPort(0), keys);
    }

    public String key(Scope... scopes) {
        return keys.create(Set.of(scopes), "test").secret();
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A response: status, body text and parsed JSON (null when not JSON). */
    public record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {
        public String code() {
            return json == null || json.get("error") == null ? null : json.get("error").get("code").asText();
        }
    }

    public Reply send(String method, String path, String body, String apiKey, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (r.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = Json.MAPPER.readTree(r.body());
            }
            return new Reply(r.statusCode(), r.body(), json, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String apiKey) {
        return send("GET", path, null, apiKey, null);
    }

    public Reply post(String path, String json, String apiKey) {
        return send("POST", path, json, apiKey, "application/json");
    }

    public Reply put(String path, String json, String apiKey) {
        return send("PUT", path, json, apiKey, "application/json");
    }

    public Reply delete(String path, String apiKey) {
        return send("DELETE", path, null, apiKey, null);
    }

    /** Puts a small catalog: {@code n} items "i0".."i{n-1}" over categories a, b, c (and h = health for every 10th). */
    public void seedItems(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            String cat = i % 10 == 9 ? "health" : String.valueOf((char) ('a' + i % 3));
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"i").append(i).append("\",\"title\":\"Item ").append(i)
                    .append("\",\"categories\":[\"").append(cat).append("\"]}");
        }
        Reply r = post("/v1/items:batch", sb.append("]").toString(), adminKey);
        if (r.status() != 200) {
            throw new IllegalStateException("seeding failed: " + r.body());
        }
    }

    public Reply grant(String user, String... purposes) {
        StringBuilder sb = new StringBuilder("{\"purposes\":{");
        for (int i = 0; i < purposes.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(purposes[i]).append("\":true");
        }
        return put("/v1/users/" + user + "/consent", sb.append("}}").toString(), adminKey);
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        storage.close();
    }
}
