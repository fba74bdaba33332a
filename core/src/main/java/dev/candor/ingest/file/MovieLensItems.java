package dev.candor.ingest.file;

import dev.candor.model.Item;
import dev.candor.model.ItemId;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The movies beside MovieLens ratings, as catalog items with their genres as categories:
 * {@code u.item} (with {@code u.genre}, Latin-1) beside {@code u.data}, or {@code movies.csv} beside
 * {@code ratings.csv}. Bad rows are reported with their line numbers and skipped.
 */
public final class MovieLensItems {
    private MovieLensItems() {
    }

    /** {@return the item file that belongs to {@code ratings}, if it is there} */
    public static Optional<Path> besides(Path ratings, InteractionFormat format) {
        Path dir = ratings.toAbsolutePath().getParent();
        Path candidate = switch (format) {
            case MOVIELENS_100K -> dir.resolve("u.item");
            case MOVIELENS_CSV -> dir.resolve("movies.csv");
            default -> null;
        };
        return candidate != null && Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /** Reads {@code u.item} or {@code movies.csv} (chosen by file name). */
    public static List<Item> read(Path file, Consumer<RowProblem> problems) throws IOException {
        return file.getFileName().toString().equals("u.item") ? readUItem(file, problems) : readMoviesCsv(file, problems);
    }

    private static List<Item> readUItem(Path file, Consumer<RowProblem> problems) throws IOException {
        List<String> genres = new ArrayList<>();
        Path genreFile = file.resolveSibling("u.genre");
        if (Files.isRegularFile(genreFile)) {
            for (String line : Files.readAllLines(genreFile, StandardCharsets.ISO_8859_1)) {
                int bar = line.indexOf('|');
                if (bar > 0) {
                    genres.add(line.substring(0, bar));
                }
            }
        }
        List<Item> out = new ArrayList<>();
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, Charset.forName("ISO-8859-1"))) {
            for (String line; (line = in.readLine()) != null; ) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length < 5 + genres.size() || f[0].isBlank()) {
                    problems.accept(new RowProblem(n, "expected id|title|date|video date|url|genre flags"));
                    continue;
                }
                List<String> cats = new ArrayList<>();
                for (int g = 0; g < genres.size(); g++) {
                    if (f[5 + g].equals("1") && !genres.get(g).equalsIgnoreCase("unknown")) {
                        cats.add(genres.get(g).toLowerCase(Locale.ROOT));
                    }
                }
                add(out, f[0].strip(), f[1], cats, n, problems);
            }
        }
        return out;
    }

    private static List<Item> readMoviesCsv(Path file, Consumer<RowProblem> problems) throws IOException {
        List<Item> out = new ArrayList<>();
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                n++;
                if (n == 1 || line.isBlank()) {
                    continue;
                }
                List<String> f;
                try {
                    f = InteractionReader.split(line, ',');
                } catch (InteractionReader.BadRow e) {
                    problems.accept(new RowProblem(n, e.getMessage()));
                    continue;
                }
                if (f.size() != 3 || f.get(0).isBlank()) {
                    problems.accept(new RowProblem(n, "expected movieId,title,genres"));
                    continue;
                }
                List<String> cats = new ArrayList<>();
                for (String g : f.get(2).split("\\|")) {
                    if (!g.isBlank() && !g.startsWith("(")) {
                        cats.add(g.toLowerCase(Locale.ROOT));
                    }
                }
                add(out, f.get(0).strip(), f.get(1), cats, n, problems);
            }
        }
        return out;
    }

    private static void add(List<Item> out, String id, String title, List<String> cats, long line, Consumer<RowProblem> problems) {
        try {
            String t = title.length() > Item.MAX_TITLE ? title.substring(0, Item.MAX_TITLE) : title;
            out.add(new Item(ItemId.of(id), t, cats, Map.of(), true, Instant.EPOCH));
        } catch (IllegalArgumentException e) {
            problems.accept(new RowProblem(line, e.getMessage()));
        }
    }
}
