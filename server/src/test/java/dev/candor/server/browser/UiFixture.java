package dev.candor.server.browser;

import dev.candor.model.Scope;
import dev.candor.server.TestServer;
import dev.candor.server.TestServer.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A real server (in memory) seeded through the HTTP API with a small shop the web UI can show: 56
 * items over seven categories (one sensitive), 80 background shoppers over the last 20 days with
 * varied consent, some feedback and opt-outs, served recommendations with clicks, and the shopper
 * {@code maya}, whose preference center the tests open. Deterministic apart from the wall clock.
 *
 * <p>{@link #main} serves it until killed, to look at the pages by hand.
 */
public final class UiFixture implements AutoCloseable {
    static final String[][] CATALOG = {
            {"kitchen", "Cast-Iron Skillet", "Chef's Knife", "Espresso Maker", "Stand Mixer", "Cutting Board", "Dutch Oven",
                    "Pour-Over Kettle", "Spice Rack"},
            {"books", "Mystery Novel", "Cookbook: Weeknight Suppers", "Biography of a Chef", "Field Guide to Birds", "World Atlas",
                    "Poetry Collection", "Sci-Fi Novel", "Travel Guide: Lisbon"},
            {"outdoors", "Trail Backpack", "Two-Person Tent", "Headlamp", "Sleeping Bag", "Trekking Poles", "Water Filter",
                    "Camp Stove", "Compass"},
            {"garden", "Pruning Shears", "Seed Starter Kit", "Watering Can", "Raised Bed", "Compost Bin", "Garden Gloves",
                    "Bird Feeder", "Hose Reel"},
            {"music", "Vinyl Record", "Ukulele", "Guitar Strings", "Studio Monitor", "Metronome", "Cajon", "Harmonica", "Microphone"},
            {"games", "Strategy Game", "Party Game", "Card Game", "Co-op Adventure", "Word Game", "Trivia Game", "Dice Set", "Chess Set"},
            {"health", "Blood Pressure Monitor", "Allergy Relief", "Sleep Aid", "Vitamin D", "Thermometer", "First-Aid Kit",
                    "Heat Pad", "Pill Organizer"},
    };
    static final List<String> PURPOSES = List.of("personalization", "behavioral", "context", "community", "analytics", "experiments");

    public final TestServer server = new TestServer();
    public final String analystKey;
    private final SplittableRandom rnd = new SplittableRandom(11);
    private final Instant now = Instant.now();

    public UiFixture() {
        try {
            seedCatalog();
            seedShoppers(80);
            seedMaya();
            seedSam();
            server.engine.retrain();
            serveTraffic();
            this.analystKey = server.key(Scope.ANALYST);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** {@return the id of the item at (category c, position k)} */
    static String sku(int c, int k) {
        return "sku-" + c + k;
    }

    static String title(String sku) {
        return CATALOG[sku.charAt(4) - '0'][sku.charAt(5) - '0' + 1];
    }

    private void seedCatalog() {
        StringBuilder sb = new StringBuilder("[");
        for (int c = 0; c < CATALOG.length; c++) {
            for (int k = 0; k < 8; k++) {
                sb.append(sb.length() > 1 ? "," : "").append("{\"id\":\"").append(sku(c, k)).append("\",\"title\":\"")
                        .append(CATALOG[c][k + 1]).append("\",\"categories\":[\"").append(CATALOG[c][0]).append("\"]}");
            }
        }
        check(server.post("/v1/items:batch", sb.append(']').toString(), server.adminKey), 200);
    }

    private void seedShoppers(int n) {
        for (int u = 1; u <= n; u++) {
            String user = "shopper-" + u;
            double r = rnd.nextDouble();
            if (r < 0.1) {
                // never asked: their events are dropped (counted, not stored)
                int c = rnd.nextInt(6);
                send(events(user, 6, c, c ^ 1));
                continue;
            }
            List<String> granted = new ArrayList<>(List.of("personalization", "behavioral"));
            for (String p : List.of("context", "community", "analytics", "experiments")) {
                if (rnd.nextDouble() < 0.6) {
                    granted.add(p);
                }
            }
            consent(user, granted, r < 0.85 ? "banner-v2" : "banner-v1");
            int favourite = rnd.nextInt(6);
            send(events(user, 8 + rnd.nextInt(10), favourite, favourite ^ 1));
            if (rnd.nextDouble() < 0.15) {
                // later withdrew behavioral use: an opt-out
                check(server.put("/v1/users/" + user + "/consent", "{\"purposes\":{\"behavioral\":false},\"source\":\"settings\"}",
                        server.adminKey), 200);
            }
            if (rnd.nextDouble() < 0.2) {
                String signal = rnd.nextDouble() < 0.5 ? "too_personal" : "not_interested";
                check(server.post("/v1/feedback", "{\"user\":\"" + user + "\",\"item\":\"" + sku(favourite, rnd.nextInt(8))
                        + "\",\"signal\":\"" + signal + "\"}", server.adminKey), 201);
            }
        }
    }

    private void seedMaya() {
        cook("maya");
    }

    /**
     * Seeds a shopper like Maya: she cooks and reads (and told us she likes books), bought a tent
     * as a gift once, and looked at one health item. For tests that change or erase a profile.
     */
    public void cook(String user) {
        consent(user, List.of("personalization", "behavioral", "analytics"), "banner-v2");
        check(server.put("/v1/users/" + user + "/preferences", "{\"liked_categories\":[\"books\"]}", server.adminKey), 200);
        StringBuilder sb = new StringBuilder("[");
        String[][] history = {
                {sku(0, 0), "view", "9"}, {sku(0, 0), "purchase", "9"}, {sku(0, 2), "view", "8"}, {sku(0, 1), "view", "7"},
                {sku(1, 1), "view", "6"}, {sku(0, 5), "view", "5"}, {sku(2, 1), "purchase", "4"}, {sku(1, 3), "view", "3"},
                {sku(6, 0), "view", "2"}, {sku(0, 3), "click", "1"}, {sku(1, 0), "view", "0"},
        };
        for (String[] e : history) {
            Instant at = now.minus(Duration.ofDays(Long.parseLong(e[2]))).minus(Duration.ofMinutes(30 + rnd.nextInt(600)));
            sb.append(sb.length() > 1 ? "," : "").append("{\"user\":\"").append(user).append("\",\"item\":\"").append(e[0]).append("\",\"type\":\"")
                    .append(e[1]).append("\",\"timestamp\":\"").append(at).append("\"}");
        }
        send(sb.append(']').toString());
    }

    /** Sam lets us use what he does, told us nothing, and likes the outdoors. */
    private void seedSam() {
        consent("sam", List.of("personalization", "behavioral"), "banner-v2");
        StringBuilder sb = new StringBuilder("[");
        int[][] history = {{2, 0}, {2, 1}, {2, 3}, {3, 0}, {2, 2}, {3, 2}};
        for (int e = 0; e < history.length; e++) {
            sb.append(e == 0 ? "" : ",").append("{\"user\":\"sam\",\"item\":\"").append(sku(history[e][0], history[e][1]))
                    .append("\",\"type\":\"view\",\"timestamp\":\"").append(now.minus(Duration.ofHours(5L * (history.length - e))))
                    .append("\"}");
        }
        send(sb.append(']').toString());
    }

    /**
     * Two experiments, then traffic: three home-page visits per shopper (recommendations, clicks
     * and some purchases credited through the request id) and one e-mail, where the "pushy" variant
     * draws many "not interested" answers, so its guardrail is breached.
     */
    private void serveTraffic() {
        check(server.put("/v1/collections/staff", "{\"title\":\"Staff picks\",\"items\":[\"" + sku(0, 4) + "\",\"" + sku(1, 2)
                + "\",\"" + sku(2, 7) + "\",\"" + sku(3, 3) + "\",\"" + sku(4, 1) + "\",\"" + sku(5, 6) + "\"]}", server.adminKey), 200);
        check(server.post("/v1/experiments", "{\"id\":\"home-1\",\"name\":\"Staff picks on the home page\",\"surfaces\":[\"home\"],"
                + "\"variants\":[{\"name\":\"control\",\"strategy\":\"hybrid\"},"
                + "{\"name\":\"staff-picks\",\"strategy\":\"hybrid_plus_curated\",\"collections\":[\"staff\"]}]}", server.adminKey), 201);
        check(server.post("/v1/experiments", "{\"id\":\"email-1\",\"name\":\"Bolder weekly e-mail\",\"surfaces\":[\"email\"],"
                + "\"variants\":[{\"name\":\"control\",\"strategy\":\"hybrid\"},"
                + "{\"name\":\"pushy\",\"strategy\":\"non_personal_control\"}],\"mixing_sd\":0.1}", server.adminKey), 201);
        StringBuilder outcomes = new StringBuilder("[");
        for (int round = 0; round < 3; round++) {
            for (int u = 1; u <= 80; u++) {
                String user = "shopper-" + u;
                Reply r = server.get("/v1/users/" + user + "/recommendations?n=8&surface=home", server.adminKey);
                check(r, 200);
                var items = r.json().get("items");
                if (items.isEmpty()) {
                    continue;
                }
                String item = items.get(rnd.nextInt(items.size())).get("item").asText();
                String request = r.json().get("request_id").asText();
                boolean picks = "staff-picks".equals(r.json().path("variant").asText());
                if (rnd.nextDouble() < (picks ? 0.45 : 0.3)) {
                    outcomes.append(outcomes.length() > 1 ? "," : "").append("{\"user\":\"").append(user).append("\",\"item\":\"")
                            .append(item).append("\",\"type\":\"click\",\"request_id\":\"").append(request).append("\"}");
                    if (rnd.nextDouble() < 0.25) {
                        outcomes.append(",{\"user\":\"").append(user).append("\",\"item\":\"").append(item)
                                .append("\",\"type\":\"purchase\",\"request_id\":\"").append(request).append("\",\"revenue\":")
                                .append(10 + rnd.nextInt(60)).append('}');
                    }
                }
            }
        }
        send(outcomes.append(']').toString());
        for (int k = 0; k < 4 * 80; k++) {
            String user = "shopper-" + (k % 80 + 1);
            Reply r = server.get("/v1/users/" + user + "/recommendations?n=5&surface=email", server.adminKey);
            check(r, 200);
            var items = r.json().get("items");
            boolean pushy = "pushy".equals(r.json().path("variant").asText());
            if (!items.isEmpty() && rnd.nextDouble() < (pushy ? 0.4 : 0.03)) {
                check(server.post("/v1/feedback", "{\"user\":\"" + user + "\",\"item\":\"" + items.get(0).get("item").asText()
                        + "\",\"signal\":\"not_interested\",\"request_id\":\"" + r.json().get("request_id").asText() + "\"}",
                        server.adminKey), 201);
            }
        }
    }

    /** Shoppers favour a pair of related categories: kitchen and books, outdoors and garden, music and games. */
    private String events(String user, int n, int favourite, int related) {
        StringBuilder sb = new StringBuilder("[");
        Instant start = now.minus(Duration.ofMinutes(60 + rnd.nextLong(60L * 24 * 20)));
        for (int e = 0; e < n; e++) {
            double pick = rnd.nextDouble();
            int c = pick < 0.55 ? favourite : pick < 0.85 ? related : rnd.nextInt(6);
            int k = Math.min(7, (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * 2.5)); // popular items first
            double t = rnd.nextDouble();
            String type = t < 0.65 ? "view" : t < 0.85 ? "click" : t < 0.95 ? "add_to_cart" : "purchase";
            Instant at = start.plus(Duration.ofMinutes(e * 3L + rnd.nextInt(3)));
            sb.append(e == 0 ? "" : ",").append("{\"user\":\"").append(user).append("\",\"item\":\"").append(sku(c, k))
                    .append("\",\"type\":\"").append(type).append("\",\"timestamp\":\"").append(at).append("\"}");
        }
        return sb.append(']').toString();
    }

    private void consent(String user, List<String> granted, String source) {
        if (granted.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("{\"purposes\":{");
        for (String p : PURPOSES) {
            sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ",").append('"').append(p).append("\":").append(granted.contains(p));
        }
        check(server.put("/v1/users/" + user + "/consent", sb.append("},\"source\":\"").append(source).append("\"}").toString(),
                server.adminKey), 200);
    }

    private void send(String events) {
        check(server.post("/v1/events", events, server.adminKey), 200);
    }

    private static void check(Reply r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("seeding failed with " + r.status() + ": " + r.body());
        }
    }

    /** {@return a fresh end-user token for {@code user}, valid for {@code ttlSeconds}} */
    public String token(String user, int ttlSeconds) {
        Reply r = server.post("/v1/users/" + user + "/token", "{\"ttl_seconds\":" + ttlSeconds + "}", server.adminKey);
        check(r, 201);
        return r.json().get("token").asText();
    }

    public String base() {
        return server.base();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Serves the fixture until the process is killed, printing links to both pages. */
    public static void main(String[] args) throws InterruptedException {
        UiFixture f = new UiFixture();
        System.out.println("console:  " + f.base() + "/#key=" + f.server.adminKey);
        System.out.println("analyst:  " + f.analystKey);
        System.out.println("me:       " + f.base() + "/me#token=" + f.token("maya", 3600));
        System.out.println("sam:      " + f.base() + "/me#token=" + f.token("sam", 3600));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
