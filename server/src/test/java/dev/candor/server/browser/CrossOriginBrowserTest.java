package dev.candor.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.candor.server.ServerConfig;
import dev.candor.server.TestServer;
import dev.candor.testing.InMemoryStorage;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In a real browser, a page on another origin cannot call the API or frame the pages, unless the
 * server lists that origin.
 */
class CrossOriginBrowserTest {
    private static String fetchFrom(Page page, String url, String key) {
        return (String) page.evaluate("async ([url, key]) => { try { const r = await fetch(url, {headers: {Authorization: 'Bearer ' + key}});"
                + " return 'status ' + r.status; } catch (e) { return 'blocked'; } }", List.of(url, key));
    }

    /** A shop's own web server on another loopback port: its page carries none of Candor's headers. */
    static final class Shop implements AutoCloseable {
        final HttpServer http;

        Shop() {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            http.createContext("/", ex -> {
                byte[] body = "<!doctype html><title>shop</title><body>shop</body>".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            http.start();
        }

        String origin() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        Page open(Browser browser) {
            Page page = browser.newPage();
            page.navigate(origin() + "/");
            return page;
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    @Test
    void otherOrigins_cannotCallTheApi_orFrameThePages_unlessConfigured() {
        try (Browser browser = Browser.launch(); Shop shop = new Shop(); TestServer api = new TestServer()) {
            Page page = shop.open(browser);
            assertThat(fetchFrom(page, api.base() + "/v1/overview", api.adminKey)).isEqualTo("blocked");

            // frame-ancestors 'none': the preference center cannot be framed (no clickjacking of "erase")
            page.evaluate("url => { const f = document.createElement('iframe'); f.src = url; document.body.append(f); }",
                    api.base() + "/me");
            page.waitForTimeout(1000);
            assertThat(page.frames()).hasSize(2);
            assertThat(page.frames().stream().anyMatch(f -> {
                try {
                    return Boolean.TRUE.equals(f.evaluate("document.querySelector('#app') !== null"));
                } catch (RuntimeException e) {
                    return false;
                }
            })).as("the framed preference center must not load").isFalse();
            page.context().close();
        }
        try (Browser browser = Browser.launch(); Shop shop = new Shop();
             TestServer api = new TestServer(new InMemoryStorage(), ServerConfig.defaults().withCorsOrigins(List.of(shop.origin())))) {
            Page page = shop.open(browser);
            assertThat(fetchFrom(page, api.base() + "/v1/overview", api.adminKey)).isEqualTo("status 200");
            page.context().close();
        }
    }
}
