package dev.candor.server.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Candor server in its own JVM ({@code dev.candor.server.ServerMain} on this test's class path),
 * so a test can kill it with SIGKILL and start it again on the same data directory.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Candor listening on (http://[^ ]+)");
    private final Process process;
    private final String base;
    private final List<String> output;

    private ServerProcess(Process process, String base, List<String> output) {
        this.process = process;
        this.base = base;
        this.output = output;
    }

    /** Starts a server on a free port and waits until it listens. */
    public static ServerProcess start(Path dataDir, Optional<String> jdbcUrl, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.candor.server.ServerMain", "--port", "0", "--data", dataDir.toString()));
        jdbcUrl.ifPresent(u -> cmd.addAll(List.of("--db", u)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        base.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process died; the waiter below reports it
            }
            base.completeExceptionally(new IllegalStateException("server exited before listening: " + output));
        });
        try {
            return new ServerProcess(p, base.get(60, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("server did not start: " + output, e);
        }
    }

    public String base() {
        return base;
    }

    /** {@return everything the process printed so far} */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL: no shutdown hooks, no flushing, exactly like a power cut for the JVM. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server did not die");
        }
    }

    /** SIGTERM, waiting for the shutdown hooks. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

}
