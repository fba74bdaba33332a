package dev.candor.cli;

import dev.candor.engine.Engine;
import dev.candor.ingest.IngestReport;
import dev.candor.ingest.RawContext;
import dev.candor.ingest.RawEvent;
import dev.candor.ingest.RowError;
import dev.candor.ingest.file.ColumnMapping;
import dev.candor.ingest.file.Interaction;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import dev.candor.ingest.file.MovieLensItems;
import dev.candor.ingest.file.RowProblem;
import dev.candor.model.EventType;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.model.Purpose;
import dev.candor.server.Launcher;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code candor import}: loads an interaction file into Candor through the same ingest pipeline as
 * the API (pseudonymized, consent-gated, durable). Bad rows are reported with their line numbers and
 * skipped; good rows are kept.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import interactions (and, for MovieLens, the movies beside them) into a data directory or database.",
                "Formats: movielens-100k (u.data), movielens-csv (ratings.csv), delimited (any CSV/TSV with --columns), "
                        + "jsonl ({\"user\",\"item\",\"value\",\"timestamp\"} per line).",
                "Events pass the consent gate like any other: users without consent are dropped unless --grant records "
                        + "their consent (only when you hold that consent yourself, e.g. from your own sign-up flow)."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The interaction file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "movielens-100k, movielens-csv, delimited or jsonl (default: from the file name).")
    String format;

    @Option(names = "--delimiter", paramLabel = "D", defaultValue = "comma",
            description = "For delimited files: tab, comma, semicolon, pipe, space or one character (default: ${DEFAULT-VALUE}).")
    String delimiter;

    @Option(names = "--header", description = "For delimited files: the first line is a header.")
    boolean header;

    @Option(names = "--columns", paramLabel = "MAPPING", defaultValue = "user,item,value,timestamp",
            description = "For delimited files: the columns in file order, any of user,item,value,timestamp with - to skip "
                    + "(default: ${DEFAULT-VALUE}).")
    String columns;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Event type of every row (default: rating when rows have a value, else view).")
    String type;

    @Option(names = "--items", paramLabel = "FILE",
            description = "MovieLens item file (u.item or movies.csv) for titles and genres (default: the one beside FILE, if any).")
    Path items;

    @Option(names = "--grant", paramLabel = "PURPOSES", split = ",",
            description = "Record these purposes as granted (source 'import') for every user in the file, e.g. personalization,behavioral.")
    List<String> grant = new ArrayList<>();

    @Option(names = "--no-create-items", negatable = true, defaultValue = "true",
            description = "Create a bare catalog item for every unknown item id (default: on).")
    boolean createItems;

    @Option(names = "--batch", defaultValue = "5000", description = "Rows per ingest batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin
    StorageOptions storage;

    /** The problems printed one by one; the rest are counted. */
    static final int SHOWN_PROBLEMS = 20;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!Files.isRegularFile(file)) {
            System.err.println("candor import: no such file: " + file);
            return 2;
        }
        InteractionFormat fmt = format == null ? guess(file)
                : InteractionFormat.fromWire(format).orElseThrow(() -> new IllegalArgumentException(
                        "unknown format; use movielens-100k, movielens-csv, delimited or jsonl"));
        InteractionReader.Options options = InteractionReader.Options.of(fmt);
        if (fmt == InteractionFormat.DELIMITED) {
            options = options.withDelimiter(InteractionReader.delimiter(delimiter)).withHeader(header).withColumns(ColumnMapping.parse(columns));
        }
        Map<Purpose, Boolean> consent = new EnumMap<>(Purpose.class);
        for (String p : grant) {
            consent.put(Purpose.fromWire(p.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                    "unknown purpose in --grant; use personalization, behavioral, context, community, analytics, experiments")), true);
        }
        if (type != null && !EventType.isValid(type)) {
            throw new IllegalArgumentException("--type must be a lowercase word such as view, rating or purchase");
        }
        List<RowProblem> problems = new ArrayList<>();
        long problemCount = 0;
        dev.candor.server.Logging.configure(storage.data(), true);
        try (Launcher.Offline offline = Launcher.Offline.open(storage.data(), storage.jdbcUrl())) {
            Engine engine = offline.engine();
            Optional<Path> itemFile = items != null ? Optional.of(items) : MovieLensItems.besides(file, fmt);
            if (itemFile.isPresent()) {
                List<RowProblem> itemProblems = new ArrayList<>();
                List<Item> catalog = MovieLensItems.read(itemFile.get(), itemProblems::add);
                for (int from = 0; from < catalog.size(); from += 5000) {
                    engine.putItems(catalog.subList(from, Math.min(catalog.size(), from + 5000)));
                }
                out.printf("Catalog: %,d items from %s%s%n", catalog.size(), itemFile.get().getFileName(),
                        itemProblems.isEmpty() ? "" : String.format(" (%,d bad rows skipped, e.g. %s)", itemProblems.size(), itemProblems.getFirst()));
            }
            if (consent.isEmpty()) {
                out.println("Note: no --grant given, so only users who already consented in this data directory keep their events.");
            }
            Batch batch = new Batch(engine, consent, createItems);
            long size = Files.size(file);
            try (ProgressBar pb = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(size).setUnit(" MB", 1 << 20)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .build()) {
                long[] count = {0};
                InteractionReader.read(file, options, row -> {
                    batch.add(row, type);
                    if (batch.size() >= batchSize) {
                        batch.flush();
                    }
                }, p -> {
                    count[0]++;
                    if (problems.size() < SHOWN_PROBLEMS) {
                        problems.add(p);
                    }
                }, pb::stepTo);
                batch.flush();
                problemCount = count[0];
            }
            out.printf("Read %,d rows: %,d imported, %,d dropped%s, %,d rejected, %,d unreadable.%n", batch.rows, batch.accepted,
                    batch.droppedTotal(), batch.dropped.isEmpty() ? "" : " " + batch.dropped, batch.rejected.size(), problemCount);
            out.printf("Users: %,d (consent recorded for %,d). Items created: %,d.%n", batch.users.size(), batch.consented, batch.created);
            List<String> shown = new ArrayList<>();
            problems.forEach(p -> shown.add(p.toString()));
            batch.rejected.stream().limit(SHOWN_PROBLEMS).forEach(shown::add);
            long hidden = problemCount + batch.rejected.size() - shown.size();
            if (!shown.isEmpty()) {
                out.println("Problems (rows skipped; the rest of the file was imported):");
                shown.stream().limit(SHOWN_PROBLEMS).forEach(s -> out.println("  " + s));
                if (hidden > 0 || shown.size() > SHOWN_PROBLEMS) {
                    out.printf("  … and %,d more%n", Math.max(hidden, 0) + Math.max(0, shown.size() - SHOWN_PROBLEMS));
                }
            }
            return batch.accepted > 0 || batch.rows == 0 ? 0 : 1;
        }
    }

    static InteractionFormat guess(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals("u.data") || name.matches("u\\d\\.(base|test)") || name.matches("u[ab]\\.(base|test)")) {
            return InteractionFormat.MOVIELENS_100K;
        }
        if (name.equals("ratings.csv")) {
            return InteractionFormat.MOVIELENS_CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return InteractionFormat.JSONL;
        }
        return InteractionFormat.DELIMITED;
    }

    /** Rows waiting for one ingest call, and the running totals. */
    private static final class Batch {
        private final Engine engine;
        private final Map<Purpose, Boolean> consent;
        private final boolean createItems;
        private final List<RawEvent> events = new ArrayList<>();
        private final List<Long> lines = new ArrayList<>();
        private final Set<String> pendingItems = new HashSet<>();
        final Set<String> users = new HashSet<>();
        final Map<String, Integer> dropped = new LinkedHashMap<>();
        final List<String> rejected = new ArrayList<>();
        long rows;
        long accepted;
        long consented;
        long created;

        Batch(Engine engine, Map<Purpose, Boolean> consent, boolean createItems) {
            this.engine = engine;
            this.consent = consent;
            this.createItems = createItems;
        }

        int size() {
            return events.size();
        }

        void add(Interaction row, String type) {
            rows++;
            String t = type != null ? type : row.value().isPresent() ? "rating" : "view";
            if (users.add(row.user()) && !consent.isEmpty()) {
                engine.recordConsent(engine.pseudonymizer().subject(row.user()), consent, "import");
                consented++;
            }
            if (createItems && ItemId.isValid(row.item()) && engine.catalog().indexOf(ItemId.of(row.item())).isEmpty()) {
                pendingItems.add(row.item());
            }
            events.add(new RawEvent(row.user(), row.item(), t, row.value(), row.timestamp(), Optional.empty(), RawContext.NONE));
            lines.add(row.line());
        }

        void flush() {
            if (!pendingItems.isEmpty()) {
                engine.putItems(pendingItems.stream().map(id -> Item.of(id, id, List.of())).toList());
                created += pendingItems.size();
                pendingItems.clear();
            }
            if (events.isEmpty()) {
                return;
            }
            IngestReport r = engine.ingest(events);
            accepted += r.accepted();
            r.dropped().forEach((reason, n) -> dropped.merge(reason.name().toLowerCase(Locale.ROOT), n, Integer::sum));
            for (RowError e : r.errors()) {
                rejected.add("line " + lines.get(e.index()) + ": " + e.code() + " " + e.message());
            }
            events.clear();
            lines.clear();
        }

        long droppedTotal() {
            return dropped.values().stream().mapToLong(Integer::longValue).sum();
        }
    }
}
