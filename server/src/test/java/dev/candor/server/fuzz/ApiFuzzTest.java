package dev.candor.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.server.TestServer;
import dev.candor.server.api.RouteTable;
import dev.candor.testing.InMemoryStorage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed and hostile requests against every route: broken and deeply
 * nested JSON, huge strings, unicode edge cases, injection strings, NaN / negative / overflowing
 * numbers, duplicate keys, wrong types, content types and methods, invalid UTF-8. Never a 5xx, the
 * server stays up, and a request answered with a 4xx changes nothing. Seeded: a failure replays.
 */
class ApiFuzzTest {
    private static final long SEED = 20261122L;
    private static final int REQUESTS = 3000;
    private static final List<String> HOSTILE = List.of("", " ", "\u0000", "\u0007bell", "\ud800", "\udfff\ud800", "\uffff", "\u202eevil",
            "😀🎉", "' OR 1=1 --", "\"; DROP TABLE events; --", "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x/a}",
            "%00%2e%2e", "null", "true", "-0", "NaN", "Infinity", "a".repeat(300), "x".repeat(70_000), "\\u0000", "{}", "[]",
            "Ω≈ç√∫˜µ≤≥÷", "\r\nX-Injected: 1", "sku-1", "i1", "view", "not_interested", "personalization");
    private static final List<String> NUMBERS = List.of("NaN", "-Infinity", "1e999", "-1e999", "9223372036854775808",
            "-9223372036854775809", "1e-400", "-1", "0", "3.5", "1e9", "1e10", "00012", "0x1F", "+1", ".5", "1.", "-");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "application/json",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1", "");

    private final TestServer t = new TestServer();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SplittableRandom rnd = new SplittableRandom(SEED);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void generatedHostileRequests_neverFail5xx_andRejectedOnesChangeNothing() throws Exception {
        t.seedItems(40);
        t.grant("fuzz-user", "personalization", "behavioral");
        List<RouteTable.Route> routes = t.server.routes().routes();
        int rejected = 0;
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            RouteTable.Route route = routes.get(rnd.nextInt(routes.size()));
            String method = rnd.nextDouble() < 0.85 ? route.method().text() : METHODS.get(rnd.nextInt(METHODS.size()));
            String path = rnd.nextDouble() < 0.05 ? "/v1/" + encode(pick(HOSTILE)) : fillPath(route.pattern());
            byte[] body = method.equals("GET") || method.equals("DELETE") ? (rnd.nextDouble() < 0.1 ? bytes(body()) : null) : bytes(body());
            if (body != null && rnd.nextDouble() < 0.03) {
                body = new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '[', '{'}; // invalid UTF-8
            }
            String contentType = pick(CONTENT_TYPES);
            String before = digest();
            HttpResponse<String> r = send(method, path, body, contentType);
            String what = "#" + n + " " + method + " " + route.pattern() + " -> " + r.statusCode() + " " + abbreviate(r.body());
            if (r.statusCode() >= 500) {
                failures.add(what);
            }
            if (r.statusCode() >= 400) {
                rejected++;
                if (!digest().equals(before)) {
                    failures.add("state changed by a rejected request " + what);
                }
            }
        }
        assertThat(failures).as("fuzz failures (seed " + SEED + ")").isEmpty();
        assertThat(rejected).as("most generated requests are invalid").isGreaterThan(REQUESTS / 2);
        assertThat(t.get("/health", null).status()).isEqualTo(200);
        // and it still does its job: fuzzing may have deleted items or changed consent, so set both up again
        assertThat(t.put("/v1/items/after-fuzz", "{\"title\":\"After\",\"categories\":[\"a\"]}", t.adminKey).status()).isEqualTo(200);
        t.grant("after-fuzz-user", "personalization", "behavioral");
        assertThat(t.post("/v1/events", "[{\"user\":\"after-fuzz-user\",\"item\":\"after-fuzz\",\"type\":\"view\"}]", t.adminKey).body())
                .contains("\"accepted\":1");
    }

    /** A snapshot of everything a request could change. */
    private String digest() {
        InMemoryStorage s = (InMemoryStorage) t.storage;
        AtomicLong consents = new AtomicLong();
        s.consents().forEachCurrent((k, v) -> consents.addAndGet(v.granted().hashCode() + 1));
        AtomicLong prefs = new AtomicLong();
        s.preferences().forEach((k, v) -> prefs.addAndGet(v.hashCode()));
        AtomicLong items = new AtomicLong();
        s.items().forEach(i -> items.addAndGet(i.hashCode()));
        return s.items().count() + "/" + items + "/" + s.events().count() + "/" + consents + "/" + prefs + "/"
                + s.feedback().maxId() + "/" + s.apiKeys().list().size() + "/" + t.engine.index().events() + "/"
                + s.experiments().list().hashCode() + "/" + s.collections().list().hashCode();
    }

    private String fillPath(String pattern) {
        StringBuilder out = new StringBuilder();
        for (String part : pattern.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            out.append('/');
            if (part.startsWith("{")) {
                out.append(rnd.nextDouble() < 0.5 ? encode(hostile(400)) : "i" + rnd.nextInt(50));
            } else {
                out.append(part);
            }
        }
        if (rnd.nextDouble() < 0.3) {
            out.append('?').append(pick(List.of("n", "limit", "cursor", "category", "session", "device", "daypart", "region")))
                    .append('=').append(encode(rnd.nextBoolean() ? pick(NUMBERS) : hostile(300)));
        }
        return out.toString();
    }

    private String body() {
        return switch (rnd.nextInt(12)) {
            case 0 -> "";
            case 1 -> truncate(validish());
            case 2 -> "[".repeat(1 + rnd.nextInt(5000)) + "]".repeat(rnd.nextInt(3));
            case 3 -> "{\"a\":".repeat(1 + rnd.nextInt(3000)) + "1" + "}".repeat(rnd.nextInt(3000));
            case 4 -> "[" + String.join(",", java.util.Collections.nCopies(1 + rnd.nextInt(3), validEvent())) + ",{\"user\":\"u\",\"user\":\"v\"}]";
            case 5 -> pick(NUMBERS);
            case 6 -> "\"" + pick(HOSTILE).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 7 -> mutate(validish());
            case 8 -> "[" + "{\"user\":" + jsonValue() + ",\"item\":" + jsonValue() + ",\"type\":" + jsonValue() + ",\"value\":" + jsonValue()
                    + ",\"timestamp\":" + jsonValue() + ",\"session\":" + jsonValue() + ",\"context\":" + jsonValue() + "}]";
            case 9 -> "{\"purposes\":{\"personalization\":" + jsonValue() + ",\"" + pick(HOSTILE).replace("\"", "") + "\":true}}";
            case 10 -> "{\"title\":" + jsonValue() + ",\"categories\":" + jsonValue() + ",\"attributes\":" + jsonValue() + "}";
            default -> "{\"user\":" + jsonValue() + ",\"item\":" + jsonValue() + ",\"signal\":" + jsonValue() + ",\"events\":" + jsonValue()
                    + ",\"liked_categories\":" + jsonValue() + ",\"intensity\":" + jsonValue() + "}";
        };
    }

    /** Any JSON value of a wrong-ish kind, or a broken literal. */
    private String jsonValue() {
        return switch (rnd.nextInt(9)) {
            case 0 -> pick(NUMBERS);
            case 1 -> "\"" + pick(HOSTILE).replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
            case 2 -> "[" + pick(NUMBERS) + ",\"x\"]";
            case 3 -> "{\"nested\":{\"deeper\":[1,2,{}]}}";
            case 4 -> "null";
            case 5 -> "true";
            case 6 -> "\"\\ud800\"";
            case 7 -> "\"" + "x".repeat(rnd.nextInt(200_000)) + "\"";
            default -> "[" + "[".repeat(rnd.nextInt(100)) + "]".repeat(rnd.nextInt(100)) + "]";
        };
    }

    private String validish() {
        return rnd.nextBoolean() ? "[" + validEvent() + "," + validEvent() + "]" : "{\"purposes\":{\"personalization\":true,\"behavioral\":false}}";
    }

    private String validEvent() {
        return "{\"user\":\"fuzz-user\",\"item\":\"i" + rnd.nextInt(40) + "\",\"type\":\"view\"}";
    }

    private String truncate(String s) {
        return s.substring(0, rnd.nextInt(Math.max(1, s.length() - 1)));
    }

    /** Flips, inserts or deletes a few characters of a valid body. */
    private String mutate(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int k = 0; k < 1 + rnd.nextInt(4) && !b.isEmpty(); k++) {
            int at = rnd.nextInt(b.length());
            switch (rnd.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, "{}[]\",:\\ \u0000é".charAt(rnd.nextInt(11)));
                default -> b.setCharAt(at, (char) rnd.nextInt(0x20, 0x7f));
            }
        }
        return b.toString();
    }

    private HttpResponse<String> send(String method, String path, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + t.adminKey);
        if (body != null) {
            if (!contentType.isEmpty()) {
                b.header("Content-Type", contentType);
            }
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String hostile(int maxLength) {
        String h = pick(HOSTILE);
        return h.substring(0, Math.min(maxLength, h.length()));
    }

    private <T> T pick(List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
