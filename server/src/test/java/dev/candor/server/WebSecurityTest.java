package dev.candor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.testing.InMemoryStorage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Security headers on every response, the strict CORS policy, and the web UI's files: no inline
 * script or style anywhere, so the Content-Security-Policy can forbid them.
 */
class WebSecurityTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String url, String method, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyResponse_carriesTheSecurityHeaders() throws Exception {
        try (TestServer t = new TestServer()) {
            for (String path : List.of("/", "/me", "/js/me.js", "/css/candor.css", "/v1/overview", "/health", "/no-such-page",
                    "/webjars/chart.js/4.4.1/dist/chart.umd.js")) {
                HttpResponse<String> r = send(t.base() + path, "GET");
                var h = r.headers();
                String csp = h.firstValue("Content-Security-Policy").orElse("");
                assertThat(csp).as(path).contains("default-src 'none'").contains("script-src 'self'").contains("style-src 'self'")
                        .contains("frame-ancestors 'none'").contains("base-uri 'none'").doesNotContain("unsafe");
                assertThat(h.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
                assertThat(h.firstValue("Referrer-Policy")).as(path).contains("no-referrer");
                assertThat(h.firstValue("X-Frame-Options")).as(path).contains("DENY");
                assertThat(h.firstValue("Cross-Origin-Opener-Policy")).as(path).contains("same-origin");
                assertThat(h.firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
            }
            assertThat(send(t.base() + "/me", "GET").headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(send(t.base() + "/js/me.js", "GET").headers().firstValue("Content-Type").orElse("")).contains("javascript");
            assertThat(send(t.base() + "/v1/overview", "GET").headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(send(t.base() + "/webjars/chart.js/4.4.1/dist/chart.umd.js", "GET").headers().firstValue("Cache-Control").orElse(""))
                    .contains("immutable");
            // the static handler serves only what is there: unknown paths get the JSON 404
            HttpResponse<String> missing = send(t.base() + "/webjars/chart.js/4.4.1/../../../dev/candor/server/openapi.yaml", "GET");
            assertThat(missing.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void crossOriginRequests_areRefused_unlessTheOriginIsConfigured() throws Exception {
        try (TestServer t = new TestServer()) {
            String base = t.base();
            // the server's own pages (same host and port) pass
            HttpResponse<String> same = send(base + "/v1/overview", "GET", "Origin", base, "Authorization", "Bearer " + t.adminKey);
            assertThat(same.statusCode()).isEqualTo(200);
            // another origin is refused, preflight or not, and gets no CORS grant
            HttpResponse<String> other = send(base + "/v1/overview", "GET", "Origin", "https://evil.example",
                    "Authorization", "Bearer " + t.adminKey);
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(other.body()).contains("ORIGIN_NOT_ALLOWED");
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            HttpResponse<String> preflight = send(base + "/v1/me", "OPTIONS", "Origin", "https://evil.example",
                    "Access-Control-Request-Method", "DELETE");
            assertThat(preflight.statusCode()).isEqualTo(403);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(send(base + "/v1/me", "OPTIONS", "Origin", "null", "Access-Control-Request-Method", "DELETE").statusCode())
                    .isEqualTo(403);
            // a different port on the same host is another origin
            String otherPort = "http://127.0.0.1:" + (t.server.port() == 65535 ? 65534 : t.server.port() + 1);
            assertThat(send(base + "/health", "GET", "Origin", otherPort).statusCode()).isEqualTo(403);
            // requests without Origin (servers, curl) are untouched
            assertThat(send(base + "/health", "GET").statusCode()).isEqualTo(200);
        }
        ServerConfig config = ServerConfig.defaults().withCorsOrigins(List.of("https://shop.example"));
        try (TestServer t = new TestServer(new InMemoryStorage(), config)) {
            HttpResponse<String> preflight = send(t.base() + "/v1/users/ann/recommendations", "OPTIONS",
                    "Origin", "https://shop.example", "Access-Control-Request-Method", "GET",
                    "Access-Control-Request-Headers", "authorization");
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Authorization");
            assertThat(preflight.headers().firstValue("Vary").orElse("")).contains("Origin");
            HttpResponse<String> get = send(t.base() + "/v1/overview", "GET", "Origin", "https://shop.example",
                    "Authorization", "Bearer " + t.adminKey);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example");
            assertThat(send(t.base() + "/v1/overview", "GET", "Origin", "https://other.example").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void corsOrigins_mustBeExactOrigins() {
        for (String bad : List.of("*", "https://shop.example/", "https://*.example", "shop.example", "https://Shop.example",
                "https://shop.example/path")) {
            assertThatThrownBy(() -> ServerConfig.defaults().withCorsOrigins(List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ServerConfig.defaults().withCorsOrigins(List.of("http://localhost:3000", "https://[::1]:8443")).corsOrigins())
                .hasSize(2);
    }

    @Test
    void sameOrigin_comparesHostAndPort() {
        assertThat(WebSecurity.sameOrigin("http://127.0.0.1:8080", Optional.of("127.0.0.1:8080"))).isTrue();
        assertThat(WebSecurity.sameOrigin("https://candor.example", Optional.of("candor.example"))).isTrue();
        assertThat(WebSecurity.sameOrigin("https://candor.example:443", Optional.of("candor.example"))).isTrue();
        assertThat(WebSecurity.sameOrigin("http://127.0.0.1:8081", Optional.of("127.0.0.1:8080"))).isFalse();
        assertThat(WebSecurity.sameOrigin("http://evil.example", Optional.of("candor.example"))).isFalse();
        assertThat(WebSecurity.sameOrigin("null", Optional.of("candor.example"))).isFalse();
        assertThat(WebSecurity.sameOrigin("http://candor.example", Optional.empty())).isFalse();
        assertThat(WebSecurity.sameOrigin("http://candor.example/x", Optional.of("candor.example"))).isFalse();
    }

    /** No inline script, inline style, event-handler attribute or HTML injection sink in the UI's own files. */
    @Test
    void webFiles_haveNoInlineScriptOrStyle() throws IOException {
        Path web = Paths.get("src/main/resources/dev/candor/server/web");
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        int html = 0;
        int js = 0;
        try (Stream<Path> files = Files.walk(web)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                // the on-device module keeps the device's events in localStorage: that is its job (docs/privacy-dp.md)
                boolean edge = web.relativize(p).startsWith("edge");
                String text = Files.readString(p);
                String name = web.relativize(p).toString();
                if (name.endsWith(".html")) {
                    html++;
                    assertThat(inlineScript.matcher(text).find()).as(name + ": inline <script>").isFalse();
                    assertThat(text).as(name).doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase(" style=")
                            .doesNotContain("javascript:");
                    assertThat(handler.matcher(text).find()).as(name + ": on…= handler attribute").isFalse();
                } else if (name.endsWith(".js")) {
                    js++;
                    assertThat(text).as(name).doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                            .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function")
                            .doesNotContain("setAttribute('style'").doesNotContain("document.cookie");
                    if (!edge) {
                        assertThat(text).as(name).doesNotContain("localStorage.setItem");
                    }
                }
            }
        }
        assertThat(html).isGreaterThanOrEqualTo(2);
        assertThat(js).isGreaterThanOrEqualTo(5);
    }
}
