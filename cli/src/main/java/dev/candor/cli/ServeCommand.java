package dev.candor.cli;

import dev.candor.server.Launcher;
import dev.candor.server.Logging;
import dev.candor.server.ServerConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code candor serve}: the HTTP server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Candor HTTP server.",
                "On first start it creates the pseudonymization key (pseudonym.key, mode 0600) in the data directory and an "
                        + "admin API key, printed once, unless CANDOR_ADMIN_KEY sets one."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    StorageOptions storage;

    @Mixin
    EngineOptions engine;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--max-body-mb", defaultValue = "16", description = "Largest request body in MiB (default: ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Option(names = "--max-batch", defaultValue = "10000", description = "Most rows per events or items batch (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--private-metrics", description = "Require an analyst or admin key for /metrics.")
    boolean privateMetrics;

    @Option(names = "--rate-limit", defaultValue = "20000",
            description = "Sustained requests per second per API key, bursts to twice that; 0 turns limiting off (default: ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "An origin (scheme://host[:port]) whose web pages may call the API from a browser; repeat for more. "
                    + "Default: none, so browsers refuse every cross-origin call (403 ORIGIN_NOT_ALLOWED).")
    java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @Option(names = "--models", paramLabel = "FILE",
            description = "Serve with the hyper-parameters and blend weights in FILE, as candor evaluate --tune --write-models FILE "
                    + "chose them for your data (default: the built-in values, chosen on ml-100k).")
    java.nio.file.Path models;

    /** {@return the engine settings: the trust switches, and the models file's values when one is given} */
    dev.candor.engine.EngineConfig engineConfig() {
        dev.candor.engine.EngineConfig c = engine.config();
        return models == null ? c : c.withCollaborative(ModelsFile.read(models));
    }

    @Override
    public Integer call() throws InterruptedException {
        dev.candor.engine.EngineConfig engineConfig = engineConfig(); // a bad models file stops the start before anything is opened
        Logging.configure(storage.data(), false);
        ServerConfig config = new ServerConfig(host, port, (long) maxBodyMb * 1024 * 1024, maxBatch, !privateMetrics,
                Duration.ofMinutes(5), rateLimit).withCorsOrigins(corsOrigins);
        Launcher launcher = Launcher.start(Launcher.Options.fromEnvironment(storage.data(), storage.jdbcUrl(), config)
                .withEngine(engineConfig));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.close();
            stopped.countDown();
        }));
        launcher.announce(System.out);
        stopped.await();
        return 0;
    }
}
