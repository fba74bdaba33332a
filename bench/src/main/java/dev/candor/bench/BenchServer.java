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
import java.util.List;
import java.util.Optional;

/** A real Candor process in this JVM (SQLite in a temporary directory, or PostgreSQL) loaded with the demo shop. */
final class BenchServer implements AutoCloseable {
    static final String ADMIN = "cnd_BenchmarkAdminKeyForLoadRuns0001";
    final Launcher launcher;
    /** The demo shop, when the server was loaded with it. */
    final DemoShop shop;
    /** Raw ids of the loaded users who consented to personalization from behaviour, and the loaded items' ids. */
    final List<String> users;
    final List<String> items;
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    BenchServer(Optional<String> jdbcUrl, int items, int users) throws Exception {
        launcher = start(jdbcUrl);
        shop = new ShopGenerator(7, Instant.now()).generate(items, users);
        shop.loadInto(launcher.engine(), () -> { });
        launcher.engine().retrain();
        this.users = shop.users().stream().map(u -> u.id()).toList();
        this.items = shop.items().stream().map(i -> i.id().value()).toList();
        base = "http://127.0.0.1:" + launcher.port();
    }

    /**
     * A server loaded with MovieLens ml-latest-small from {@code dir} (movies.csv, ratings.csv; read in
     * place, never copied): every rater grants personalization and behavioural use, and each rating
     * is ingested as a rating event at load time (its 1996–2018 timestamp dropped), so the users are
     * as active as the decay policy lets a recent user be.
     */
    BenchServer(Path dir) throws Exception {
        launcher = start(Optional.empty());
        shop = null;
        var engine = launcher.engine();
        List<dev.candor.model.Item> catalog = dev.candor.ingest.file.MovieLensItems.read(dir.resolve("movies.csv"), p -> { });
        for (int from = 0; from < catalog.size(); from += 5000) {
            engine.putItems(catalog.subList(from, Math.min(catalog.size(), from + 5000)));
        }
        java.util.Set<String> raters = new java.util.LinkedHashSet<>();
        List<dev.candor.ingest.RawEvent> batch = new java.util.ArrayList<>();
        java.util.Map<dev.candor.model.Purpose, Boolean> grant = java.util.Map.of(dev.candor.model.Purpose.PERSONALIZATION, true,
                dev.candor.model.Purpose.BEHAVIORAL, true);
        dev.candor.ingest.file.InteractionReader.read(dir.resolve("ratings.csv"),
                dev.candor.ingest.file.InteractionReader.Options.of(dev.candor.ingest.file.InteractionFormat.MOVIELENS_CSV), row -> {
                    if (raters.add(row.user())) {
                        engine.recordConsent(engine.pseudonymizer().subject(row.user()), grant, "bench");
                    }
                    batch.add(new dev.candor.ingest.RawEvent(row.user(), row.item(), "rating", row.value(), Optional.empty(),
                            Optional.empty(), dev.candor.ingest.RawContext.NONE));
                    if (batch.size() == 5000) {
                        engine.ingest(List.copyOf(batch));
                        batch.clear();
                    }
                }, p -> { }, x -> { });
        engine.ingest(List.copyOf(batch));
        engine.retrain();
        this.users = List.copyOf(raters);
        this.items = catalog.stream().map(i -> i.id().value()).toList();
        base = "http://127.0.0.1:" + launcher.port();
    }

    /**
     * A server loaded with a {@link Synthetic} set: items {@code i0…}, users {@code u0…} who all grant
     * personalization and behavioural use, every event ingested as a view in the set's seeded arrival
     * order through the engine (durable in SQLite), then the models trained.
     */
    BenchServer(Synthetic syn) throws Exception {
        launcher = start(Optional.empty());
        shop = null;
        var engine = launcher.engine();
        List<dev.candor.model.Item> catalog = Memory.items(syn.numItems());
        engine.putItems(catalog);
        Memory.grantAll(engine, syn.numUsers());
        Memory.ingest(engine, syn);
        List<String> ids = new java.util.ArrayList<>(syn.numUsers());
        for (int u = 0; u < syn.numUsers(); u++) {
            ids.add("u" + u);
        }
        engine.retrain();
        this.users = List.copyOf(ids);
        this.items = catalog.stream().map(i -> i.id().value()).toList();
        base = "http://127.0.0.1:" + launcher.port();
    }

    private static Launcher start(Optional<String> jdbcUrl) throws Exception {
        Path dir = Files.createTempDirectory("candor-bench-data");
        Logging.configure(dir, true);
        return Launcher.start(new Launcher.Options(dir, jdbcUrl, ServerConfig.defaults().withPort(0).withRateLimit(0),
                dev.candor.engine.EngineConfig.defaults(), Optional.of(ADMIN), Optional.empty()));
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
