package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor demo} as a newcomer runs it: generates the shop, prints a key and explained
 * recommendations; then (with {@code --keep}, serving) a new shopper consents, sends ten events and
 * gets recommendations that each carry at least one reason.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoPrintsExplainedRecommendationsAndANewShopperGetsReasons() throws Exception {
        Path data = dir.resolve("demo");
        String first = run("demo", "--port", "0", "--data", data.toString(), "--items", "600", "--users", "120", "--exit");
        assertThat(first).contains("Candor demo is running at http://").contains("Admin API key:")
                .contains("personalization: full").contains("personalization: light").contains("personalization: none")
                .contains("Because you");

        // Serve the kept demo in the background and act as the new shopper from the printed instructions.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        Thread server = Thread.ofPlatform().daemon(true).start(() -> {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CandorCommand.commandLine().execute("demo", "--port", "0", "--data", data.toString(), "--keep");
        });
        String printed;
        Matcher url;
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            Thread.sleep(100);
            printed = out.toString(StandardCharsets.UTF_8);
            url = Pattern.compile("running at (http://[0-9.:]+)").matcher(printed);
        } while (!(url.find() && printed.contains("Try it yourself")) && System.nanoTime() < deadline);
        System.setOut(previous);
        assertThat(printed).contains("Try it yourself");
        String base = url.group(1);
        Matcher key = Pattern.compile("Admin API key: +(cnd_[A-Za-z0-9]+)").matcher(printed);
        assertThat(key.find()).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        assertThat(call(http, "PUT", base + "/v1/users/newcomer/consent", key.group(1),
                "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}").statusCode()).isEqualTo(200);
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            events.append(i == 0 ? "" : ",").append("{\"user\":\"newcomer\",\"item\":\"sku-").append(String.format("%05d", 40 + i))
                    .append("\",\"type\":\"view\"}");
        }
        HttpResponse<String> ingest = call(http, "POST", base + "/v1/events", key.group(1), events.append(']').toString());
        assertThat(ingest.body()).contains("\"accepted\":10");
        HttpResponse<String> recs = call(http, "GET", base + "/v1/users/newcomer/recommendations?n=10", key.group(1), null);
        assertThat(recs.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(recs.body());
        assertThat(json.get("personalization").asText()).isEqualTo("full");
        assertThat(json.get("items")).hasSize(10);
        json.get("items").forEach(item -> assertThat(item.get("reasons").size()).isGreaterThanOrEqualTo(1));
        assertThat(recs.body()).contains("Because you viewed");

        // the printed links open both pages with data
        assertThat(first).contains("Served ").contains("home pages");
        Matcher console = Pattern.compile("Operator console: +(http://\\S+)/#key=(cnd_[A-Za-z0-9]+)").matcher(printed);
        Matcher me = Pattern.compile("Preference center: +(http://\\S+/me)#token=([A-Za-z0-9_.-]+)").matcher(printed);
        assertThat(console.find()).as(printed).isTrue();
        assertThat(me.find()).as(printed).isTrue();
        assertThat(console.group(2)).isEqualTo(key.group(1));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(me.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/js/me.js");
        var profile = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call(http, "GET", base + "/v1/me/profile", me.group(2), null).body());
        assertThat(profile.at("/events/count").asInt()).isGreaterThanOrEqualTo(8);
        var overview = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call(http, "GET", base + "/v1/overview?days=60", key.group(1), null).body());
        assertThat(overview.at("/totals/responses").asInt()).as("the first run's traffic, kept across the restart").isGreaterThanOrEqualTo(120);
        assertThat(overview.at("/totals/events").asInt()).isGreaterThan(1000);
        assertThat(call(http, "GET", base + "/v1/experiments", key.group(1), null).body()).contains("home-staff-picks");
        if (java.nio.file.Files.isExecutable(dev.candor.server.browser.Browser.executable()) || "true".equalsIgnoreCase(System.getenv("CI"))) {
            try (dev.candor.server.browser.Browser browser = dev.candor.server.browser.Browser.launch()) {
                com.microsoft.playwright.Page c = browser.newPage();
                c.navigate(console.group(1) + "/#key=" + console.group(2));
                c.waitForFunction("() => window.Chart && Chart.getChart('events-by-type-chart')");
                assertThat(c.url()).doesNotContain("cnd_");
                com.microsoft.playwright.Page m = browser.newPage();
                m.navigate(me.group(1) + "#token=" + me.group(2));
                m.waitForSelector("#app:not([hidden])");
                assertThat(m.locator("#rec-list > li").count()).isGreaterThan(0);
                assertThat(m.locator("#events li").count()).isGreaterThan(0);
            }
        }
        server.interrupt();
    }

    private static HttpResponse<String> call(HttpClient http, String method, String url, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String run(String... args) {
        return CliRun.expecting(0, args);
    }
}
