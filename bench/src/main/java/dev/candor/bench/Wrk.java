package dev.candor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recommendation throughput and latency measured by wrk (a C load generator: it spends far less CPU
 * per request than {@link Load}'s Java client, which shares the same 2 cores with the server). Same
 * server and data as {@link Load}: the demo shop on SQLite; {@code GET /health} measured in the same
 * run as baseline. Needs {@code wrk} on the PATH (Debian: {@code apt-get install wrk}). Writes
 * docs/benchmarks.md between {@code <!-- wrk:begin -->} and {@code <!-- wrk:end -->} (demo shop),
 * {@code <!-- wrk-ml:… -->} (MovieLens ml-latest-small, read from {@code ../shared/data}) or
 * {@code <!-- wrk-synthetic:… -->} (the 10M-event {@link Synthetic} set).
 * Usage: {@code Wrk [ml-latest-small|synthetic] [seconds] [connections] [docs]}.
 */
public final class Wrk {
    private Wrk() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 && !args[0].matches("\\d+") ? args[0] : "demo";
        int a = mode.equals("demo") ? 0 : 1;
        int seconds = args.length > a ? Integer.parseInt(args[a]) : 15;
        int connections = args.length > a + 1 ? Integer.parseInt(args[a + 1]) : 16;
        Path docs = Path.of(args.length > a + 2 ? args[a + 2] : "docs/benchmarks.md");
        Path work = Files.createTempDirectory("candor-wrk");
        String data;
        String section;
        java.util.concurrent.Callable<BenchServer> server;
        switch (mode) {
            case "demo" -> {
                data = "demo shop: 3,000 items, 300 shoppers";
                section = "wrk";
                server = () -> new BenchServer(Optional.empty(), 3000, 300);
            }
            case "ml-latest-small" -> {
                data = "MovieLens ml-latest-small: 9,742 movies, 610 raters, every rating ingested as a rating event";
                section = "wrk-ml";
                server = () -> new BenchServer(Path.of(System.getenv().getOrDefault("CANDOR_DATA_DIR", "../shared/data")).resolve(mode));
            }
            case "synthetic" -> {
                Synthetic.Params p = Synthetic.Params.defaults();
                data = String.format(Locale.ROOT, "the synthetic set: %,d items, %,d users, %,d view events, power-law, seed %d", p.items(),
                        p.users(), p.events(), p.seed());
                section = "wrk-synthetic";
                server = () -> new BenchServer(Synthetic.generate(p));
            }
            default -> throw new IllegalArgumentException("mode must be ml-latest-small or synthetic, or left out for the demo shop");
        }
        String command = "bench/run Wrk " + (mode.equals("demo") ? "" : mode + " ") + seconds + " " + connections;
        try (BenchServer s = server.call()) {
            Path health = script(work.resolve("health.lua"), List.of("/health"));
            List<String> paths = new ArrayList<>();
            for (String u : s.users) {
                paths.add("/v1/users/" + u + "/recommendations?n=20");
            }
            Path recs = script(work.resolve("recs.lua"), paths);
            wrk(s.base, recs, 5, connections); // warm-up: JIT, caches
            Result h = wrk(s.base, health, seconds, connections);
            Result r = wrk(s.base, recs, seconds, connections);
            String body = String.format(Locale.ROOT, """
                    Measured %s by `%s` (SQLite, %s; wrk 4, one thread, %d connections, \
                    %d s per row after a 5 s warm-up, on the same 2-core machine; HTTP/1.1 keep-alive on loopback; each request names \
                    one of the loaded users in turn).

                    | request | req/s | p50 | p99 | non-2xx | bytes per response |
                    |---|---|---|---|---|---|
                    | baseline: GET /health | %,.0f | %s | %s | %d | %,.0f |
                    | GET …/recommendations?n=20 (reasons included) | %,.0f | %s | %s | %d | %,.0f |
                    """, LocalDate.now(), command, data, connections, seconds, h.rps, h.p50, h.p99, h.errors, h.bytes(), r.rps, r.p50,
                    r.p99, r.errors, r.bytes());
            System.out.println(body);
            Sections.write(docs, section, "Throughput with wrk", body.stripTrailing() + "\n");
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** A wrk script that sends the admin key and cycles through {@code paths}. */
    static Path script(Path file, List<String> paths) throws IOException {
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String p : paths) {
            lua.append("  \"").append(p.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        }
        lua.append("}\nlocal i = 0\n")
                .append("wrk.headers[\"Authorization\"] = \"Bearer ").append(BenchServer.ADMIN).append("\"\n")
                .append("request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        return file;
    }

    /** @param transfer bytes per second received, headers included (wrk's Transfer/sec) */
    record Result(double rps, String p50, String p99, long errors, double transfer) {
        /** {@return bytes received per response, headers included} */
        double bytes() {
            return transfer / rps;
        }
    }

    static Result wrk(String base, Path script, int seconds, int connections) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script.toString(), base)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return new Result(Double.parseDouble(group(out, "Requests/sec:\\s+([0-9.]+)")), group(out, "\\n\\s+50%\\s+(\\S+)"),
                group(out, "\\n\\s+99%\\s+(\\S+)"), Long.parseLong(Optional.ofNullable(find(out, "Non-2xx or 3xx responses:\\s+(\\d+)")).orElse("0")),
                bytes(group(out, "Transfer/sec:\\s+(\\S+)")));
    }

    /** {@return wrk's size with a binary unit ("512.00B", "1.23KB", "45.6MB") in bytes} */
    static double bytes(String size) {
        Matcher m = Pattern.compile("([0-9.]+)([KMGT]?)B").matcher(size);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected wrk size: " + size);
        }
        int power = m.group(2).isEmpty() ? 0 : "KMGT".indexOf(m.group(2)) + 1;
        return Double.parseDouble(m.group(1)) * Math.pow(1024, power);
    }

    private static String group(String text, String regex) {
        String g = find(text, regex);
        if (g == null) {
            throw new IllegalStateException("unexpected wrk output (" + regex + "):\n" + text);
        }
        return g;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
