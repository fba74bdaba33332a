package dev.candor.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.privacy.HmacPseudonymizer;
import dev.candor.store.sql.PostgresTestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure tested by absence on a real server process: after {@code DELETE /v1/users/{id}}, neither
 * the raw id, the subject's pseudonym nor the request ids of the responses served to them in an
 * experiment appear anywhere in the SQLite file and its WAL, the PostgreSQL rows, the logs or the
 * process output — while other users' data is still there and the experiment's counts are unchanged.
 */
class ErasureAbsenceTest {
    private static final String ADMIN = "cnd_ErasureAbsenceTestAdminKey1234";
    private static final byte[] PSEUDONYM_KEY = new byte[32];

    static {
        Arrays.fill(PSEUDONYM_KEY, (byte) 0x5a);
    }

    private static final String ERASED = "erase-me.7c1e@example.org";
    private static final List<String> KEPT = List.of("keep-me-1", "keep-me-2");

    @TempDir
    Path data;

    private final HmacPseudonymizer pseudonymizer = new HmacPseudonymizer(PSEUDONYM_KEY);

    private Map<String, String> env() {
        return Map.of("CANDOR_ADMIN_KEY", ADMIN, "CANDOR_PSEUDONYM_KEY", Base64.getEncoder().encodeToString(PSEUDONYM_KEY));
    }

    /** Request ids of the responses the erased user was served in the experiment. */
    private final List<String> erasedRequests = new java.util.ArrayList<>();

    @Test
    void sqlite_afterErasureNothingOfTheSubjectRemains() throws Exception {
        List<String> printed = run(Optional.empty());
        String files = ProcessClient.filesUnder(data);
        assertAbsent(files, printed);
        assertThat(files).contains(pseudonymizer.subject(KEPT.getFirst()).value()).contains(keptSession());
    }

    @Test
    void postgres_afterErasureNothingOfTheSubjectRemains() throws Exception {
        PostgresTestDatabase.require();
        String schema = PostgresTestDatabase.newSchema();
        PostgresTestDatabase.createSchema(schema);
        try {
            List<String> printed = run(Optional.of(PostgresTestDatabase.url() + "&currentSchema=" + schema));
            String rows = PostgresTestDatabase.dumpSchema(schema);
            assertAbsent(rows + ProcessClient.filesUnder(data), printed);
            assertThat(rows).contains(pseudonymizer.subject(KEPT.getFirst()).value()).contains(keptSession());
        } finally {
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    private List<String> run(Optional<String> db) throws Exception {
        try (ServerProcess server = ServerProcess.start(data, db, env())) {
            ProcessClient client = new ProcessClient(server.base(), ADMIN);
            StringBuilder items = new StringBuilder("[");
            for (int i = 0; i < 12; i++) {
                items.append(i == 0 ? "" : ",").append("{\"id\":\"sku-").append(i).append("\",\"categories\":[\"c").append(i % 3).append("\"]}");
            }
            assertThat(client.send("POST", "/v1/items:batch", items.append(']').toString()).statusCode()).isEqualTo(200);
            assertThat(client.send("POST", "/v1/experiments", "{\"id\":\"erasure-exp\",\"name\":\"erasure\",\"variants\":"
                    + "[{\"name\":\"a\",\"strategy\":\"hybrid\"},{\"name\":\"b\",\"strategy\":\"non_personal_control\"}]}").statusCode())
                    .isEqualTo(201);
            for (String user : concat(ERASED, KEPT)) {
                String path = "/v1/users/" + ProcessClient.encode(user);
                assertThat(client.send("PUT", path + "/consent",
                        "{\"purposes\":{\"personalization\":true,\"behavioral\":true,\"context\":true,\"experiments\":true}}").statusCode())
                        .isEqualTo(200);
                assertThat(client.send("PUT", path + "/preferences", "{\"liked_categories\":[\"c1\"]}").statusCode()).isEqualTo(200);
                StringBuilder events = new StringBuilder("[");
                for (int i = 0; i < 8; i++) {
                    events.append(i == 0 ? "" : ",").append("{\"user\":").append(ProcessClient.json(user)).append(",\"item\":\"sku-")
                            .append(i).append("\",\"type\":\"view\",\"session\":\"sess-").append(user.length())
                            .append("\",\"context\":{\"device\":\"mobile\",\"daypart\":\"evening\",\"region\":\"DE-BE\"}}");
                }
                assertThat(client.send("POST", "/v1/events", events.append(']').toString()).body()).contains("\"accepted\":8");
                assertThat(client.send("POST", "/v1/feedback", "{\"user\":" + ProcessClient.json(user)
                        + ",\"item\":\"sku-9\",\"signal\":\"not_interested\"}").statusCode()).isEqualTo(201);
                HttpResponse<String> recs = client.send("GET", path + "/recommendations", null);
                assertThat(recs.statusCode()).isEqualTo(200);
                String request = recs.body().replaceAll("(?s).*\"request_id\":\"([0-9a-f-]+)\".*", "$1");
                assertThat(recs.body()).contains("\"experiment\":\"erasure-exp\"");
                assertThat(client.send("POST", "/v1/events", "[{\"user\":" + ProcessClient.json(user) + ",\"item\":\"sku-2\","
                        + "\"type\":\"purchase\",\"request_id\":\"" + request + "\",\"revenue\":9.5}]").body()).contains("\"accepted\":1");
                if (user.equals(ERASED)) {
                    erasedRequests.add(request);
                }
            }
            long[] before = totals(client.send("GET", "/v1/experiments/erasure-exp/results", null).body());
            assertThat(before).containsExactly(3, 3, 3, 0);
            HttpResponse<String> profile = client.send("GET", "/v1/users/" + ProcessClient.encode(ERASED) + "/profile", null);
            assertThat(profile.body()).contains("\"count\":9"); // 8 views and the purchase

            HttpResponse<String> erased = client.send("DELETE", "/v1/users/" + ProcessClient.encode(ERASED), null);
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
            assertThat(erased.body()).contains("\"events\":9").contains("\"hash\":\"");

            // (Reading the export now would be a new, audited lookup of this user id; the event listing is not audited.)
            HttpResponse<String> after = client.send("GET", "/v1/users/" + ProcessClient.encode(ERASED) + "/events", null);
            assertThat(after.body()).contains("\"events\":[]");
            // the experiment still counts the erased person's impression and purchase, anonymously, and now their erasure
            assertThat(totals(client.send("GET", "/v1/experiments/erasure-exp/results", null).body())).containsExactly(3, 3, 3, 1);
            // events sent for the erased user afterwards are dropped: no consent
            assertThat(client.send("POST", "/v1/events", "[{\"user\":" + ProcessClient.json(ERASED) + ",\"item\":\"sku-1\",\"type\":\"view\"}]")
                    .body()).contains("\"accepted\":0");
            return server.output();
        }
    }

    /** {@return impressions, participants, conversions and erasures over all variants} */
    private static long[] totals(String results) throws Exception {
        long[] t = new long[4];
        for (var v : dev.candor.server.Json.MAPPER.readTree(results).get("variants")) {
            t[0] += v.get("impressions").asLong();
            t[1] += v.get("participants").asLong();
            t[2] += v.at("/metrics/conversion/count").asLong();
            t[3] += v.at("/metrics/erasure/count").asLong();
        }
        return t;
    }

    /** {@return the session pseudonym on a kept user's events (event rows carry no subject pseudonym: they name an integer)} */
    private String keptSession() {
        return pseudonymizer.session("sess-" + KEPT.getFirst().length());
    }

    private void assertAbsent(String stored, List<String> printed) {
        String subject = pseudonymizer.subject(ERASED).value();
        // the erased user's events are found by their session pseudonym, which only their event rows hold
        String session = pseudonymizer.session("sess-" + ERASED.length());
        assertThat(erasedRequests).hasSize(1);
        for (String needle : concat(ERASED, concat(subject, concat(session, erasedRequests)))) {
            assertThat(stored).as("stored bytes").doesNotContain(needle).doesNotContain(ProcessClient.utf16(needle));
            assertThat(String.join("\n", printed)).as("process output").doesNotContain(needle);
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
