package dev.candor.bench;

import dev.candor.engine.Engine;
import dev.candor.engine.EngineConfig;
import dev.candor.engine.TrainedModels;
import dev.candor.ingest.IngestReport;
import dev.candor.ingest.RawEvent;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.model.Purpose;
import dev.candor.privacy.HmacPseudonymizer;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.EaseModel;
import dev.candor.recommend.source.IalsModel;
import dev.candor.recommend.source.ItemKnnModel;
import dev.candor.store.Storage;
import dev.candor.store.sql.Storages;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run Memory [--events N,N,…] [--items N,N,…] [--model-events N] [--docs FILE]}: retained
 * heap, measured as used heap after repeated full GCs ({@code System.gc()} until the figure settles,
 * through {@code MemoryMXBean}), of
 * <ol>
 *   <li>the live index ({@code InteractionIndex}) per million events: a fresh engine on SQLite in a
 *       temporary directory, 10,000 items, consent recorded for every user, then the
 *       {@link Synthetic} set scaled to N events (N / 100 users, same shape) ingested through
 *       {@code Engine.ingest} in arrival order, in batches of 5,000; the heap after ingest minus the
 *       heap before (the events themselves are in SQLite, off heap);</li>
 *   <li>the catalog and the trained models per 10,000 items: a fresh engine with N items, then the
 *       synthetic set with N items (1 M events of 10,000 users by default) ingested, then
 *       {@code Engine.retrain()}: the heap after {@code putItems} minus before (catalog), and after
 *       retrain minus before (every model the engine keeps); plus EASE, iALS and item-kNN fitted alone on
 *       the same matrix, each measured while only it is held.</li>
 * </ol>
 * Writes the {@code memory} section of docs/benchmarks.md.
 */
public final class Memory {
    private Memory() {
    }

    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        long[] eventSizes = {500_000, 1_000_000, 2_000_000, 4_000_000};
        int[] itemSizes = {2_500, 5_000, 10_000, 20_000};
        long modelEvents = 1_000_000;
        Path docs = Path.of("docs/benchmarks.md");
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--events" -> eventSizes = Arrays.stream(args[++a].split(",")).mapToLong(s -> Long.parseLong(s.replace("_", ""))).toArray();
                case "--items" -> itemSizes = Arrays.stream(args[++a].split(",")).mapToInt(s -> Integer.parseInt(s.replace("_", ""))).toArray();
                case "--model-events" -> modelEvents = Long.parseLong(args[++a].replace("_", ""));
                case "--docs" -> docs = Path.of(args[++a]);
                default -> throw new IllegalArgumentException("unknown argument " + args[a]);
            }
        }
        String command = "bench/run Memory" + (args.length > 0 ? " " + String.join(" ", args) : "");
        Synthetic.Params base = Synthetic.Params.defaults();
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now()).append(" by `").append(command).append("` (one JVM, -Xmx10g, JDK ")
                .append(Runtime.version().feature()).append(", G1, compressed object pointers; SQLite storage in a temporary directory). ")
                .append("Retained heap = used heap after full GCs (`System.gc()` repeated until the figure settles, read from `MemoryMXBean`), ")
                .append("after minus before. Heap sizes do not depend on the shared CPU (2 cores shared with other engineers' builds while this ran); ")
                .append("only the ingest rates, given for information, do.\n\n");

        // 1. live index per million events
        md.append("### Live index per million events\n\nA fresh engine per row: 10,000 items, consent recorded for every user, then `bench/run Synthetic` scaled to ")
                .append("N events of N / 100 users (same shape: ").append(base.toString().replaceFirst("^[^,]*, [^,]*, [^,]*, ", ""))
                .append(") ingested through `Engine.ingest` in seeded arrival order, batches of ").append(String.format(Locale.ROOT, "%,d", BATCH))
                .append(". The events themselves are durable in SQLite (off heap); what stays on the heap is the live `InteractionIndex` ")
                .append("(and the consent cache, counted in the per-user baseline: consent is recorded before the \"before\" figure).\n\n")
                .append("| events | users | heap before | heap after | index heap | bytes per event | MB per million events | ingest events/s |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        double lastPerEvent = Double.NaN;
        for (long n : eventSizes) {
            Synthetic syn = Synthetic.generate(base.withEvents(n));
            Path dir = Files.createTempDirectory("candor-memory");
            try (Storage storage = Storages.sqlite(dir.resolve("candor.db")); Engine engine = engine(storage)) {
                engine.putItems(items(syn.numItems()));
                grantAll(engine, syn.numUsers());
                long before = retained();
                double rate = ingest(engine, syn);
                long after = retained();
                long events = engine.index().events();
                if (events != syn.size()) {
                    throw new IllegalStateException("index holds " + events + " events, expected " + syn.size());
                }
                double perEvent = (double) (after - before) / events;
                md.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %s | %.1f | %.1f | %,.0f |%n", events, engine.index().subjects(),
                        mb(before), mb(after), mb(after - before), perEvent, perEvent, rate));
                lastPerEvent = perEvent;
                System.err.printf(Locale.ROOT, "index: %,d events, %.1f bytes/event, %,.0f events/s%n", events, perEvent, rate);
            } finally {
                deleteTree(dir);
            }
        }

        md.append(String.format(Locale.ROOT, "%nAn event's payload in the index is 34 bytes (id, time and session 8 bytes each, item and value 4, kind and context 1); "
                + "each subject's arrays grow by doubling, so on average about a third of their capacity is unused, which with the per-subject "
                + "row (7 array headers, the map entry and the subject id, spread over ≈ 100 events) makes the %.0f bytes measured.%n", lastPerEvent));

        // 2. catalog and models per 10k items
        md.append("\n### Catalog and trained models per 10,000 items\n\nA fresh engine per row with N items (id, title, one category), then `bench/run Synthetic` with N items and ")
                .append(String.format(Locale.ROOT, "%,d", modelEvents)).append(" events (")
                .append(String.format(Locale.ROOT, "%,d", base.withEvents(modelEvents).users()))
                .append(" users) ingested and `Engine.retrain()` with the engine's defaults (EASE λ 200 up to ")
                .append(String.format(Locale.ROOT, "%,d", EngineConfig.Collaborative.defaults().easeMaxItems()))
                .append(" items, iALS 64 factors, item-kNN 50 neighbours, popularity, context and segment models). ")
                .append("*All models* is the heap after retrain minus before it. The EASE, iALS and item-kNN columns are each model fitted alone on the same matrix, ")
                .append("measured while only it is held. EASE keeps each row's ")
                .append(EngineConfig.Collaborative.DEFAULT_EASE_NEIGHBOURS)
                .append(" strongest weights (`easeNeighbours`), by row and again by column (int index + float weight each: 16 bytes per weight per item, linear in the catalog), ")
                .append("but needs the n × n inverse as doubles while fitting (8 n² bytes: 800 MB at 10,000 items, growing with the square of the catalog, ")
                .append("which is what `easeMaxItems` bounds); ")
                .append("iALS keeps n × 64 floats; item-kNN at most 50 neighbours per item.\n\n")
                .append("*All but EASE* is *all models* minus the EASE column. The per-10k-items columns scale linearly, which is right for the catalog and ")
                .append("for the models other than EASE; EASE's retained size is linear too, its fitting peak quadratic.\n\n")
                .append("| items | catalog | all models | EASE | iALS | item-kNN | all but EASE | retrain s | MB per 10k items: catalog | MB per 10k items: all but EASE |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        double withoutEasePer10k = Double.NaN;
        for (int n : itemSizes) {
            Synthetic syn = Synthetic.generate(base.withItems(n).withEvents(modelEvents));
            Path dir = Files.createTempDirectory("candor-memory");
            long catalog;
            long models;
            double retrainSeconds;
            try (Storage storage = Storages.sqlite(dir.resolve("candor.db")); Engine engine = engine(storage)) {
                long h0 = retained();
                engine.putItems(items(n));
                long h1 = retained();
                catalog = h1 - h0;
                grantAll(engine, syn.numUsers());
                ingest(engine, syn);
                long h2 = retained();
                long t0 = System.nanoTime();
                TrainedModels m = engine.retrain();
                retrainSeconds = (System.nanoTime() - t0) / 1e9;
                long h3 = retained();
                models = h3 - h2;
                if (m.ease().numItems() != (n <= EngineConfig.Collaborative.defaults().easeMaxItems() ? n : 0)) {
                    throw new IllegalStateException("EASE has " + m.ease().numItems() + " items");
                }
            } finally {
                deleteTree(dir);
            }
            InteractionMatrix x = syn.matrix();
            List<int[]> rows = new ArrayList<>();
            for (int u = 0; u < x.numUsers(); u++) {
                rows.add(x.items(u));
            }
            EngineConfig cfg = EngineConfig.defaults();
            syn = null;
            boolean easeTrained = n <= cfg.cf().easeMaxItems();
            long b = retained();
            long easeBytes = 0;
            if (easeTrained) {
                Object ease = EaseModel.fit(x, cfg.cf().easeLambda(), cfg.cf().easeDropout(), cfg.cf().easeNeighbours());
                easeBytes = retained() - b;
                keep(ease);
            }
            b = retained();
            Object ials = IalsModel.train(x, cfg.cf().ials());
            long ialsBytes = retained() - b;
            keep(ials);
            b = retained();
            Object knn = ItemKnnModel.train(rows, n, cfg.knnNeighbours(), cfg.knnShrink());
            long knnBytes = retained() - b;
            keep(knn);
            md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f |%n", n, mb(catalog), mb(models),
                    easeTrained ? mb(easeBytes) : "not trained (above easeMaxItems)", mb(ialsBytes), mb(knnBytes), mb(models - easeBytes), retrainSeconds,
                    catalog / 1e6 * 10_000 / n, (models - easeBytes) / 1e6 * 10_000 / n));
            if (!easeTrained) {
                withoutEasePer10k = models / 1e6 * 10_000 / n;
            }
            System.err.printf(Locale.ROOT, "models: %,d items, catalog %s, models %s (EASE %s, iALS %s, kNN %s)%n", n, mb(catalog), mb(models),
                    mb(easeBytes), mb(ialsBytes), mb(knnBytes));
        }
        md.append("\nMB = 10⁶ bytes. Per million events the index is linear in events (the per-user row overhead is spread over ≈ 100 events per user); ")
                .append("per 10,000 items the catalog and the models are linear (EASE pruned to `easeNeighbours` weights per row); ")
                .append("above `easeMaxItems` (10,000 by default) EASE is not trained, its fit needing 8 n² bytes")
                .append(Double.isNaN(withoutEasePer10k) ? "" : String.format(Locale.ROOT, " and the models take about %.0f MB per 10,000 items", withoutEasePer10k))
                .append(". Readings are good to about ±2 MB (G1 region granularity and objects created by the run itself).\n");
        System.out.println(md);
        Sections.write(docs, "memory", "Memory", md.toString());
    }

    /** Keeps {@code o} reachable up to here (the heap reading before this call counts it). */
    private static void keep(Object o) {
        java.lang.ref.Reference.reachabilityFence(o);
    }

    private static Engine engine(Storage storage) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        EngineConfig cfg = EngineConfig.defaults().withRetrainInterval(Duration.ZERO);
        return Engine.builder().storage(storage).pseudonymizer(new HmacPseudonymizer(key)).config(cfg).build();
    }

    static List<Item> items(int n) {
        List<Item> items = new ArrayList<>(n);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            items.add(new Item(ItemId.of("i" + i), "Item " + i, List.of("c" + i % 20), Map.of(), true, now));
        }
        return items;
    }

    static void grantAll(Engine engine, int users) {
        Map<Purpose, Boolean> grant = Map.of(Purpose.PERSONALIZATION, true, Purpose.BEHAVIORAL, true);
        for (int u = 0; u < users; u++) {
            engine.recordConsent(engine.pseudonymizer().subject("u" + u), grant, "bench");
        }
    }

    /** Ingests every event of {@code syn} as a view, in arrival order; every one must be accepted. {@return events per second} */
    static double ingest(Engine engine, Synthetic syn) {
        int[] order = syn.eventOrder();
        long t0 = System.nanoTime();
        List<RawEvent> batch = new ArrayList<>(BATCH);
        for (int k = 0; k < order.length; k++) {
            int e = order[k];
            batch.add(RawEvent.of("u" + syn.user(e), "i" + syn.item(e), "view"));
            if (batch.size() == BATCH || k == order.length - 1) {
                IngestReport r = engine.ingest(batch);
                if (r.accepted() != batch.size()) {
                    throw new IllegalStateException("accepted " + r.accepted() + " of " + batch.size() + ": " + r.dropped() + " " + r.errors());
                }
                batch.clear();
            }
        }
        return order.length / ((System.nanoTime() - t0) / 1e9);
    }

    /** {@return used heap after full GCs, repeated until two readings agree within 1 MB (at most 8)} */
    static long retained() {
        var mem = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            long used = mem.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) < 1_000_000) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
