package dev.candor.bench;

import dev.candor.cli.demo.DemoShop;
import dev.candor.cli.demo.ShopGenerator;
import dev.candor.server.Launcher;
import dev.candor.server.Logging;
import dev.candor.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** A real Candor process in this JVM (SQLite in a temporary directory, or PostgreSQL) loaded with the demo shop. */
final class BenchServer implements AutoCloseable {
    static final String ADMIN = "cnd_BenchmarkAdminKeyForLoadRuns0001";
    final Launcher launcher;
    final DemoShop shop;
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    BenchServer(Optional<String> jdbcUrl, int items, int users) throws Exception {
        Path dir = Files.createTempDirectory("candor-bench-data");
        Logging.configure(dir, true);
        launcher = Launcher.start(new Launcher.Options(dir, jdbcUrl, ServerConfig.defaults().withPort(0).withRateLimit(0),
                dev.candor.engine.EngineConfig.defaults(), Optional.of(ADMIN), Optional.empty()));
        shop = new ShopGenerator(7, Instant.now()).generate(items, users);
        shop.loadInto(launcher.engine(), () -> { });
        launcher.engine().retrain();
        base = "http://127.0.0.1:" + launcher.port();
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@return the p-th percentile (0–100) of the values, nearest rank} */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    @Override
    public void close() {
        launcher.close();
    }
}
