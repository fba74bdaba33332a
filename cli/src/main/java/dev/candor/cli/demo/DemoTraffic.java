package dev.candor.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A burst of live traffic through the demo server's own HTTP API, as a shop would send it, so that
 * the operator console has something to show: a curated collection, an experiment comparing the
 * normal blend with staff picks on the home page, then one home-page visit per shopper
 * (recommendations, some clicks and purchases credited through the request id, a few "not
 * interested"). Deterministic for a seed; goes through consent like any request (shoppers who did
 * not consent get non-personal lists and take part in nothing).
 */
public final class DemoTraffic {
    /** What the burst did. */
    public record Summary(int responses, int clicks, int purchases) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String key;
    private final SplittableRandom rnd;

    public DemoTraffic(String base, String adminKey, long seed) {
        this.base = base;
        this.key = adminKey;
        this.rnd = new SplittableRandom(seed);
    }

    /** Runs the burst for {@code shoppers}, with {@code picks} as the staff's collection. */
    public Summary run(List<String> shoppers, List<String> picks) {
        StringBuilder items = new StringBuilder();
        for (String p : picks) {
            items.append(items.isEmpty() ? "" : ",").append('"').append(p).append('"');
        }
        call("PUT", "/v1/collections/staff-picks", "{\"title\":\"Staff picks\",\"items\":[" + items + "]}");
        call("POST", "/v1/experiments", "{\"id\":\"home-staff-picks\",\"name\":\"Staff picks on the home page\","
                + "\"surfaces\":[\"home\"],\"variants\":[{\"name\":\"control\",\"strategy\":\"hybrid\"},"
                + "{\"name\":\"staff-picks\",\"strategy\":\"hybrid_plus_curated\",\"collections\":[\"staff-picks\"]}]}");
        int responses = 0;
        int clicks = 0;
        int purchases = 0;
        StringBuilder events = new StringBuilder("[");
        for (String user : shoppers) {
            JsonNode r = call("GET", "/v1/users/" + user + "/recommendations?n=8&surface=home", null);
            responses++;
            JsonNode list = r.get("items");
            if (list.isEmpty()) {
                continue;
            }
            String request = r.get("request_id").asText();
            String item = list.get(rnd.nextInt(list.size())).get("item").asText();
            if (rnd.nextDouble() < 0.3) {
                events.append(events.length() > 1 ? "," : "").append(event(user, item, "click", request, null));
                clicks++;
                if (rnd.nextDouble() < 0.2) {
                    events.append(',').append(event(user, item, "purchase", request, 5 + rnd.nextInt(120)));
                    purchases++;
                }
            } else if (rnd.nextDouble() < 0.03) {
                call("POST", "/v1/feedback", "{\"user\":\"" + user + "\",\"item\":\"" + item
                        + "\",\"signal\":\"not_interested\",\"request_id\":\"" + request + "\"}");
            }
        }
        if (events.length() > 1) {
            call("POST", "/v1/events", events.append(']').toString());
        }
        return new Summary(responses, clicks, purchases);
    }

    private static String event(String user, String item, String type, String request, Integer revenue) {
        return "{\"user\":\"" + user + "\",\"item\":\"" + item + "\",\"type\":\"" + type + "\",\"request_id\":\"" + request + "\""
                + (revenue == null ? "" : ",\"revenue\":" + revenue) + "}";
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("demo traffic: " + method + " " + path.replaceAll("/users/[^/]+", "/users/…")
                        + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
