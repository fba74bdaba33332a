package dev.candor.cli;

import dev.candor.cli.demo.DemoShop;
import dev.candor.cli.demo.DemoTraffic;
import dev.candor.cli.demo.ShopGenerator;
import dev.candor.engine.Engine;
import dev.candor.explain.Reason;
import dev.candor.ingest.IngestReport;
import dev.candor.ingest.RawEvent;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.model.Purpose;
import dev.candor.model.Scope;
import dev.candor.model.SubjectId;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.recommend.Recommendations;
import dev.candor.recommend.ScoredItem;
import dev.candor.server.Launcher;
import dev.candor.server.Logging;
import dev.candor.server.ServerConfig;
import dev.candor.server.auth.ApiKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code candor demo}: a generated shop, served, with explained recommendations printed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a demo shop (items over 13 categories, one sensitive; simulated shoppers with varied consent "
                + "choices), serve it, and print links, an API key and explained recommendations.",
                "The demo data directory is recreated on each run unless --keep is given."})
public final class DemoCommand implements Callable<Integer> {
    static final String MARKER = ".candor-demo";

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", defaultValue = "candor-demo-data", description = "Demo data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--items", defaultValue = "3000", description = "Items to generate (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--users", defaultValue = "300", description = "Shoppers to simulate (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", description = "Reuse the demo data directory if it exists instead of recreating it.")
    boolean keep;

    @Option(names = "--exit", description = "Exit after printing instead of serving (for scripts and tests).")
    boolean exit;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        boolean fresh = prepareDirectory();
        Logging.configure(data, true);
        ServerConfig config = ServerConfig.defaults().withPort(port);
        Launcher launcher = Launcher.start(new Launcher.Options(data, Optional.empty(), config,
                dev.candor.engine.EngineConfig.defaults(), Optional.empty(), Optional.empty()));
        try {
            Engine engine = launcher.engine();
            if (fresh) {
                populate(engine, out);
            }
            engine.retrain();
            String admin = demoKey(launcher.keys(), Set.of(Scope.ADMIN), "demo admin");
            String recommend = demoKey(launcher.keys(), Set.of(Scope.RECOMMEND), "demo recommend");
            if (fresh) {
                simulateTraffic(out, engine, "http://127.0.0.1:" + launcher.port(), admin);
            }
            printWelcome(out, launcher, admin, recommend);
            if (exit) {
                return 0;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            return 0;
        } finally {
            launcher.close();
        }
    }

    /** {@return whether the directory is new (to be populated)} */
    private boolean prepareDirectory() throws IOException {
        if (Files.exists(data)) {
            boolean isDemo = Files.exists(data.resolve(MARKER));
            boolean empty;
            try (Stream<Path> s = Files.list(data)) {
                empty = s.findAny().isEmpty();
            }
            if (!isDemo && !empty) {
                throw new IllegalStateException(data + " exists and is not a demo directory; choose another --data");
            }
            if (keep && isDemo) {
                return false;
            }
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "Generated by candor demo; deleted and recreated on the next run.\n");
        return true;
    }

    private void populate(Engine engine, PrintStream out) {
        DemoShop shop = new ShopGenerator(seed, Instant.now()).generate(items, users);
        DemoShop.Loaded loaded;
        try (ProgressBar pb = new ProgressBarBuilder().setTaskName("Simulating shoppers").setInitialMax(shop.users().size())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build()) {
            loaded = shop.loadInto(engine, pb::step);
        }
        out.printf("Generated %,d items and %,d shoppers: %,d events accepted, %,d dropped for lack of consent.%n",
                shop.items().size(), shop.users().size(), loaded.accepted(), loaded.dropped());
    }

    /** A burst of live traffic through the HTTP API, so the console's charts and experiments have data. */
    private void simulateTraffic(PrintStream out, Engine engine, String base, String admin) {
        List<String> shoppers = new ArrayList<>();
        for (int u = 1; u <= users; u++) {
            shoppers.add("demo-user-" + u);
        }
        List<String> picks = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < engine.catalog().size() && picks.size() < 8; i++) {
            Item it = engine.catalog().item(i);
            if (!engine.catalog().isSensitive(i) && seen.add(it.categories().getFirst())) {
                picks.add(it.id().value());
            }
        }
        DemoTraffic.Summary s = new DemoTraffic(base, admin, seed).run(shoppers, picks);
        out.printf("Served %,d home pages to the shoppers (%,d clicks, %,d purchases); those who allow experiments are split "
                + "between the two variants of the \"Staff picks\" experiment.%n", s.responses(), s.clicks(), s.purchases());
    }

    /** The two pages, opened with data: the console signed in, and one shopper's preference center. */
    private void printLinks(PrintStream out, Launcher launcher, String base, String admin) {
        Engine engine = launcher.engine();
        String user = pick(engine, "full");
        SubjectId s = engine.pseudonymizer().subject(user);
        Duration ttl = dev.candor.server.auth.EndUserTokens.MAX_TTL;
        engine.audit().record("demo", "token.issue", Optional.of(s), java.util.Map.of("ttl_seconds", Long.toString(ttl.toSeconds())));
        var token = launcher.server().context().tokens().issue(s, ttl);
        out.println("Open in a browser:");
        out.println("  Operator console:   " + base + "/#key=" + admin);
        out.println("  Preference center:  " + base + "/me#token=" + token.token());
        out.println("                      (" + user + "'s own page; the link works until " + token.expiresAt() + ")");
        out.println();
        out.flush();
    }

    private static String demoKey(ApiKeys keys, Set<Scope> scopes, String label) {
        return keys.create(scopes, label).secret();
    }

    private void printWelcome(PrintStream out, Launcher launcher, String admin, String recommend) {
        Engine engine = launcher.engine();
        String base = "http://127.0.0.1:" + launcher.port();
        out.println();
        out.println("Candor demo is running at " + base);
        out.println("  Admin API key:      " + admin);
        out.println("  Recommend API key:  " + recommend);
        out.println("  API description:    " + base + "/openapi.yaml");
        out.println("  Health / metrics:   " + base + "/health   " + base + "/metrics");
        out.println();
        printLinks(out, launcher, base, admin);
        for (String user : List.of(pick(engine, "full"), pick(engine, "light"), pick(engine, "none"))) {
            printRecommendations(out, engine, user);
        }
        out.println("Try it yourself (a new shopper consents, sends ten events, and asks):");
        out.println("  KEY=" + admin);
        out.println("  curl -s -X PUT -H \"Authorization: Bearer $KEY\" -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"purposes\":{\"personalization\":true,\"behavioral\":true}}' " + base + "/v1/users/alice/consent");
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < engine.catalog().size() && skus.size() < 10; i++) {
            Item it = engine.catalog().item(i);
            if (it.categories().contains("kitchen")) {
                skus.add(it.id().value());
            }
        }
        StringBuilder events = new StringBuilder("[");
        for (String sku : skus) {
            events.append(events.length() > 1 ? "," : "").append("{\"user\":\"alice\",\"item\":\"").append(sku).append("\",\"type\":\"view\"}");
        }
        out.println("  curl -s -X POST -H \"Authorization: Bearer $KEY\" -H 'Content-Type: application/json' \\");
        out.println("       -d '" + events.append("]") + "' " + base + "/v1/events");
        out.println("  curl -s -H \"Authorization: Bearer $KEY\" '" + base + "/v1/users/alice/recommendations?n=5'");
        out.println();
        if (!exit) {
            out.println("Press Ctrl-C to stop. Data lives in " + data.toAbsolutePath() + " (recreated on the next run).");
        }
        out.flush();
    }

    /** {@return a demo user whose recommendations are at the given level, for showing} */
    private String pick(Engine engine, String level) {
        for (int u = 1; u <= users; u++) {
            String id = "demo-user-" + u;
            SubjectId s = engine.pseudonymizer().subject(id);
            var consent = engine.consent(s);
            boolean full = consent.allows(Purpose.PERSONALIZATION) && consent.allows(Purpose.BEHAVIORAL)
                    && engine.index().history(s).size() >= 8 && engine.preferences(s).intensity() == dev.candor.model.Intensity.HIGH;
            boolean light = consent.allows(Purpose.PERSONALIZATION) && !consent.allows(Purpose.BEHAVIORAL)
                    && !engine.preferences(s).likedCategories().isEmpty();
            boolean none = !consent.known();
            if (level.equals("full") && full || level.equals("light") && light || level.equals("none") && none) {
                return id;
            }
        }
        return "demo-user-1";
    }

    private static void printRecommendations(PrintStream out, Engine engine, String user) {
        Recommendations r = engine.recommend(RecommendationRequest.of(engine.pseudonymizer().subject(user), 5));
        out.println("Recommendations for " + user + " (personalization: " + r.level().wireName() + ", data used: "
                + r.dataUsed().stream().map(d -> d.wireName()).sorted().toList() + ")");
        r.fallback().ifPresent(f -> out.println("  note: " + f));
        int rank = 1;
        for (ScoredItem s : r.items()) {
            Item item = engine.catalog().item(s.item());
            Reason top = s.reasons().getFirst();
            out.printf("  %d. %-40s %s%n", rank++, item.title() + " [" + String.join(",", item.categories()) + "]", top.text());
        }
        out.println();
    }
}
