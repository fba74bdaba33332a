package dev.candor.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.store.sql.PostgresTestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests through the HTTP API of a real server process — consent, events, preferences, feedback,
 * recommendations, and requests that fail — then scans everything the process wrote (the SQLite
 * file with its WAL, or every PostgreSQL row; the log files; what it printed) for the raw user ids.
 * None may appear: the store only ever sees HMAC pseudonyms.
 */
class RawIdAbsenceTest {
    private static final String ADMIN = "cnd_RawIdAbsenceTestAdminKey12345";
    private static final List<String> RAW_IDS = List.of("alice.rawid.7f3a@example.com", "bob-RAWID-000042",
            "Zoë Ünïcødé-rawid", "1234567890123");

    @TempDir
    Path data;

    @Test
    void sqliteFileAndLogsHoldNoRawUserId() throws Exception {
        List<String> printed;
        try (ServerProcess server = ServerProcess.start(data, Optional.empty(), Map.of("CANDOR_ADMIN_KEY", ADMIN))) {
            exercise(server.base());
            printed = server.output();
        }
        assertThat(data.resolve("logs")).isDirectoryContaining("glob:**.log");
        String stored = ProcessClient.filesUnder(data);
        assertThat(stored).contains("sku-1");  // the scan does see the data
        assertNoRawId(stored, String.join("\n", printed));
    }

    @Test
    void postgresRowsAndLogsHoldNoRawUserId() throws Exception {
        PostgresTestDatabase.require();
        String schema = PostgresTestDatabase.newSchema();
        PostgresTestDatabase.createSchema(schema);
        try {
            List<String> printed;
            String url = PostgresTestDatabase.url() + "&currentSchema=" + schema;
            try (ServerProcess server = ServerProcess.start(data, Optional.of(url), Map.of("CANDOR_ADMIN_KEY", ADMIN))) {
                exercise(server.base());
                printed = server.output();
            }
            String rows = PostgresTestDatabase.dumpSchema(schema);
            assertThat(rows).contains("sku-1");  // the scan does see the data
            assertNoRawId(ProcessClient.filesUnder(data) + rows, String.join("\n", printed));
        } finally {
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    private void exercise(String base) throws Exception {
        ProcessClient client = new ProcessClient(base, ADMIN);
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"sku-").append(i).append("\",\"categories\":[\"c").append(i % 3).append("\"]}");
        }
        assertThat(client.send("POST", "/v1/items:batch", items.append(']').toString()).statusCode()).isEqualTo(200);
        for (String raw : RAW_IDS) {
            String path = "/v1/users/" + ProcessClient.encode(raw);
            assertThat(client.send("PUT", path + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}").statusCode())
                    .isEqualTo(200);
            assertThat(client.send("PUT", path + "/preferences", "{\"liked_categories\":[\"c1\"]}").statusCode()).isEqualTo(200);
            StringBuilder events = new StringBuilder("[");
            for (int i = 0; i < 10; i++) {
                events.append(i == 0 ? "" : ",").append("{\"user\":").append(ProcessClient.json(raw)).append(",\"item\":\"sku-").append(i)
                        .append("\",\"type\":\"view\",\"session\":\"s1\",\"text\":\"").append(SECRET_TEXT).append("\"}");
            }
            assertThat(client.send("POST", "/v1/events", events.append(']').toString()).body()).contains("\"accepted\":10");
            assertThat(client.send("POST", "/v1/feedback", "{\"user\":" + ProcessClient.json(raw) + ",\"item\":\"sku-3\",\"signal\":\"not_interested\"}")
                    .statusCode()).isLessThan(300);
            assertThat(client.send("GET", path + "/recommendations?n=5", null).statusCode()).isEqualTo(200);
            // Mistakes that mention the user: none may echo the id back or log it.
            HttpResponse<String> unknown = client.send("POST", "/v1/feedback", "{\"user\":" + ProcessClient.json(raw) + ",\"item\":\"no-such\",\"signal\":\"helpful\"}");
            assertThat(unknown.statusCode()).isBetween(400, 499);
            assertThat(unknown.body()).doesNotContain(raw);
            HttpResponse<String> badRow = client.send("POST", "/v1/events", "[{\"user\":" + ProcessClient.json(raw) + ",\"item\":\"sku-1\",\"type\":\"NOT A TYPE\"}]");
            assertThat(badRow.body()).doesNotContain(raw);
            HttpResponse<String> malformed = client.send("POST", "/v1/events", "[{\"user\":" + ProcessClient.json(raw) + ",");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).doesNotContain(raw);
        }
    }

    /** Free-form text sent with events: stored encrypted, so it must not appear in plain. */
    private static final String SECRET_TEXT = "plaintext search for insulin pens 7f3a";

    private static void assertNoRawId(String stored, String printed) {
        assertThat(stored).as("free-form text at rest").doesNotContain(SECRET_TEXT).doesNotContain("insulin");
        assertThat(stored).as("API keys are stored hashed, never in plain, nor logged").doesNotContain(ADMIN);
        assertThat(printed).as("process output").doesNotContain(ADMIN);
        for (String raw : RAW_IDS) {
            assertThat(stored).as("stored bytes").doesNotContain(raw);
            assertThat(stored).as("stored bytes, UTF-16").doesNotContain(ProcessClient.utf16(raw));
            assertThat(printed).as("process output").doesNotContain(raw);
        }
    }

}
