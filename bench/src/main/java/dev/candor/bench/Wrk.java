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
 * docs/benchmarks.md between {@code <!-- wrk:begin -->} and {@code <!-- wrk:end -->}.
 * Usage: {@code Wrk [seconds] [connections] [docs]}.
 */
public final class Wrk {
    private Wrk() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path docs = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
        Path work = Files.createTempDirectory("candor-wrk");
        try (BenchServer s = new BenchServer(Optional.empty(), 3000, 300)) {
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
                    Measured %s by `bench/run Wrk %d %d` (SQLite, demo shop: 3,000 items, 300 shoppers; wrk 4, one thread, %d connections, \
                    %d s per row after a 5 s warm-up, on the same 2-core machine; HTTP/1.1 keep-alive on loopback; each request names \
                    one of the shop's users in turn).

                    | request | req/s | p50 | p99 | non-2xx |
                    |---|---|---|---|---|
                    | baseline: GET /health | %,.0f | %s | %s | %d |
                    | GET …/recommendations?n=20 (reasons included) | %,.0f | %s | %s | %d |
                    """, LocalDate.now(), seconds, connections, connections, seconds, h.rps, h.p50, h.p99, h.errors, r.rps, r.p50, r.p99,
                    r.errors);
            System.out.println(body);
            Sections.write(docs, "wrk", "Throughput with wrk", body.stripTrailing() + "\n");
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

    record Result(double rps, String p50, String p99, long errors) {
    }

    static Result wrk(String base, Path script, int seconds, int connections) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script.toString(), base)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return new Result(Double.parseDouble(group(out, "Requests/sec:\\s+([0-9.]+)")), group(out, "\\n\\s+50%\\s+(\\S+)"),
                group(out, "\\n\\s+99%\\s+(\\S+)"), Long.parseLong(Optional.ofNullable(find(out, "Non-2xx or 3xx responses:\\s+(\\d+)")).orElse("0")));
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
