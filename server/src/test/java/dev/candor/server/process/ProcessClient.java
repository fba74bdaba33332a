package dev.candor.server.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** HTTP calls to a {@link ServerProcess} with one API key, and raw scans of what it wrote. */
final class ProcessClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String key;

    ProcessClient(String base, String key) {
        this.base = base;
        this.key = key;
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + key);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String raw) {
        return java.net.URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Every file under {@code dir} (database, WAL, key files, logs) as text for substring scans: the
     * bytes decoded as UTF-8 and, separately, as Latin-1 (so a UTF-16 needle can be searched too).
     */
    static String filesUnder(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        StringBuilder utf8 = new StringBuilder();
        StringBuilder latin1 = new StringBuilder();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            utf8.append(new String(bytes, StandardCharsets.UTF_8)).append('\u0000');
            latin1.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\u0000');
        }
        return utf8 + "\u0000" + latin1;
    }

    /** {@return {@code s} as its UTF-16LE bytes read as Latin-1, to find UTF-16 copies in a Latin-1 scan} */
    static String utf16(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1);
    }
}
