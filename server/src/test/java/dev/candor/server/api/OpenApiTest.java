package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.server.TestServer;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    private final TestServer t = new TestServer();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void document_describesEveryRegisteredRouteAndMethod() {
        String doc = t.get("/openapi.yaml", null).body();
        for (RouteTable.Route r : t.server.routes().routes()) {
            String key = "\n  " + r.pattern() + ":\n";
            assertThat(doc).as(r.pattern()).contains(key);
            int start = doc.indexOf(key) + key.length();
            int end = doc.indexOf("\n  /", start);
            String block = doc.substring(start, end < 0 ? doc.indexOf("\ncomponents:") : end);
            assertThat(block).as(r.method().text() + " " + r.pattern())
                    .contains("    " + r.method().text().toLowerCase(Locale.ROOT) + ":");
        }
    }
}
