package dev.candor.cli.demo;

import dev.candor.ingest.RawContext;
import dev.candor.ingest.RawEvent;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Intensity;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.profile.SessionIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a {@link DemoShop}: items over thirteen categories (one of them, {@code health}, is
 * sensitive) with Zipf-like popularity inside each category, and shoppers who each favour one to
 * three categories, browse in sessions over the last 60 days, sometimes buy, and made varied
 * consent choices:
 * <ul>
 *   <li>65 % personalize fully (personalization + behavioural, some also context, community, analytics, experiments);</li>
 *   <li>15 % allow personalization but not behavioural use, and stated their interests instead;</li>
 *   <li>10 % were never asked (their events are dropped: privacy by default);</li>
 *   <li>5 % granted, then switched personalization off;</li>
 *   <li>5 % personalize at medium intensity and opted the health category in.</li>
 * </ul>
 * Deterministic for a seed.
 */
public final class ShopGenerator {
    /** Category → product nouns. {@code health} is sensitive by default. */
    static final Map<String, List<String>> NOUNS = new LinkedHashMap<>();

    static {
        NOUNS.put("books", List.of("Mystery Novel", "Cookbook", "Biography", "Field Guide", "Atlas", "Poetry Collection", "Sci-Fi Novel", "Travel Guide"));
        NOUNS.put("electronics", List.of("Bluetooth Speaker", "Noise-Cancelling Headphones", "USB-C Charger", "E-Reader", "Smart Watch", "Action Camera", "Portable SSD", "Mechanical Keyboard"));
        NOUNS.put("kitchen", List.of("Cast-Iron Skillet", "Chef's Knife", "Espresso Maker", "Stand Mixer", "Cutting Board", "Dutch Oven", "Pour-Over Kettle", "Spice Rack"));
        NOUNS.put("home", List.of("Linen Duvet", "Floor Lamp", "Throw Blanket", "Wall Clock", "Scented Candle", "Ceramic Vase", "Bookshelf", "Doormat"));
        NOUNS.put("outdoors", List.of("Trail Backpack", "Two-Person Tent", "Headlamp", "Sleeping Bag", "Trekking Poles", "Water Filter", "Camp Stove", "Compass"));
        NOUNS.put("sports", List.of("Yoga Mat", "Running Shoes", "Kettlebell", "Tennis Racket", "Cycling Helmet", "Jump Rope", "Foam Roller", "Swim Goggles"));
        NOUNS.put("toys", List.of("Building Blocks Set", "Wooden Train", "1000-Piece Puzzle", "Plush Bear", "Kite", "Marble Run", "Toy Kitchen", "Stacking Rings"));
        NOUNS.put("fashion", List.of("Wool Scarf", "Denim Jacket", "Leather Belt", "Rain Jacket", "Canvas Sneakers", "Knit Beanie", "Linen Shirt", "Sunglasses"));
        NOUNS.put("beauty", List.of("Face Serum", "Lip Balm", "Hand Cream", "Shampoo Bar", "Sunscreen SPF 50", "Clay Mask", "Body Oil", "Nail Kit"));
        NOUNS.put("garden", List.of("Pruning Shears", "Seed Starter Kit", "Watering Can", "Raised Bed", "Compost Bin", "Garden Gloves", "Bird Feeder", "Hose Reel"));
        NOUNS.put("music", List.of("Vinyl Record", "Ukulele", "Guitar Strings", "Studio Monitor", "Metronome", "Cajon", "Harmonica", "Microphone"));
        NOUNS.put("games", List.of("Strategy Game", "Party Game", "Card Game", "Co-op Adventure", "Word Game", "Trivia Game", "Dice Set", "Chess Set"));
        NOUNS.put("health", List.of("Pregnancy Test", "Blood Pressure Monitor", "Allergy Relief", "Sleep Aid", "Vitamin D", "Nicotine Patches", "Thermometer", "Glucose Meter"));
    }

    private static final List<String> BRANDS = List.of("Aster", "Birch & Co", "Cobalt", "Driftwood", "Ember", "Fjord", "Granite",
            "Harbor", "Indigo", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Orchard", "Pinewood", "Quill", "Rowan", "Sable", "Tidal");
    private static final List<String> MODIFIERS = List.of("Classic", "Pro", "Mini", "Deluxe", "Everyday", "Travel", "Eco", "XL");
    private static final List<String> DEVICES = List.of("mobile", "desktop", "tablet");
    private static final List<String> DAYPARTS = List.of("morning", "afternoon", "evening", "night");

    private final SplittableRandom rnd;
    private final Instant now;

    public ShopGenerator(long seed, Instant now) {
        this.rnd = new SplittableRandom(seed);
        this.now = now;
    }

    /** {@return a shop with about {@code numItems} items and {@code numUsers} shoppers} */
    public DemoShop generate(int numItems, int numUsers) {
        if (numItems < NOUNS.size() * 4 || numUsers < 1) {
            throw new IllegalArgumentException("need at least " + NOUNS.size() * 4 + " items and 1 user");
        }
        Map<String, List<Item>> byCategory = items(numItems);
        List<Item> all = byCategory.values().stream().flatMap(List::stream).toList();
        List<DemoShop.Shopper> users = new ArrayList<>();
        for (int u = 1; u <= numUsers; u++) {
            users.add(shopper("demo-user-" + u, byCategory));
        }
        return new DemoShop(all, users);
    }

    private Map<String, List<Item>> items(int numItems) {
        List<String> categories = new ArrayList<>(NOUNS.keySet());
        Map<String, List<Item>> out = new LinkedHashMap<>();
        int sku = 1;
        for (int c = 0; c < categories.size(); c++) {
            String category = categories.get(c);
            // spread the remainder over the first categories so exactly numItems are made
            int perCategory = numItems / categories.size() + (c < numItems % categories.size() ? 1 : 0);
            List<Item> items = new ArrayList<>();
            Set<String> titles = new HashSet<>();
            while (items.size() < perCategory) {
                String brand = BRANDS.get(rnd.nextInt(BRANDS.size()));
                String title = brand + " " + MODIFIERS.get(rnd.nextInt(MODIFIERS.size())) + " "
                        + NOUNS.get(category).get(rnd.nextInt(NOUNS.get(category).size()));
                if (!titles.add(title)) {
                    title = title + " (" + (items.size() + 1) + ")";
                    titles.add(title);
                }
                items.add(new Item(ItemId.of(String.format("sku-%05d", sku++)), title, List.of(category),
                        Map.of("brand", brand), true, now));
            }
            out.put(category, items);
        }
        return out;
    }

    /** Zipf-like pick: low indexes are much more popular. */
    private int zipf(int n) {
        double u = rnd.nextDouble();
        return Math.min(n - 1, (int) Math.floor(Math.pow(n + 1, u) - 1));
    }

    private DemoShop.Shopper shopper(String id, Map<String, List<Item>> byCategory) {
        List<String> categories = new ArrayList<>(byCategory.keySet());
        categories.remove("health");
        List<String> favourites = new ArrayList<>();
        int k = 1 + rnd.nextInt(3);
        while (favourites.size() < k) {
            String c = categories.get(rnd.nextInt(categories.size()));
            if (!favourites.contains(c)) {
                favourites.add(c);
            }
        }
        double roll = rnd.nextDouble();
        List<Map<Purpose, Boolean>> consent = new ArrayList<>();
        Optional<Preferences> prefs = Optional.empty();
        String persona;
        boolean healthBrowser = rnd.nextDouble() < 0.12;
        if (roll < 0.65) {
            Map<Purpose, Boolean> c = new EnumMap<>(Purpose.class);
            c.put(Purpose.PERSONALIZATION, true);
            c.put(Purpose.BEHAVIORAL, true);
            c.put(Purpose.CONTEXT, rnd.nextDouble() < 0.5);
            c.put(Purpose.COMMUNITY, rnd.nextDouble() < 0.4);
            c.put(Purpose.ANALYTICS, rnd.nextDouble() < 0.7);
            c.put(Purpose.EXPERIMENTS, rnd.nextDouble() < 0.5);
            consent.add(c);
            persona = "personalizes fully; likes " + String.join(", ", favourites);
        } else if (roll < 0.80) {
            consent.add(Map.of(Purpose.PERSONALIZATION, true, Purpose.BEHAVIORAL, false, Purpose.ANALYTICS, rnd.nextDouble() < 0.5));
            prefs = Optional.of(new Preferences(Set.copyOf(favourites), Set.of(), Intensity.HIGH, Set.of(), now));
            persona = "stated interests only (" + String.join(", ", favourites) + "); no behavioural use";
        } else if (roll < 0.90) {
            persona = "never asked for consent: events are dropped";
        } else if (roll < 0.95) {
            consent.add(Map.of(Purpose.PERSONALIZATION, true, Purpose.BEHAVIORAL, true));
            consent.add(Map.of(Purpose.PERSONALIZATION, false));
            persona = "switched personalization off";
        } else {
            consent.add(Map.of(Purpose.PERSONALIZATION, true, Purpose.BEHAVIORAL, true, Purpose.ANALYTICS, true));
            prefs = Optional.of(new Preferences(Set.of(), Set.of(), Intensity.MEDIUM, Set.of("health"), now));
            healthBrowser = true;
            persona = "medium intensity; opted the health category in";
        }
        List<RawEvent> events = new ArrayList<>();
        int sessions = 2 + rnd.nextInt(8);
        Map<String, SessionIntent> intents = new java.util.LinkedHashMap<>();
        for (int s = 0; s < sessions; s++) {
            Instant start = now.minus(Duration.ofMinutes(rnd.nextLong(60L * 24 * 60)));
            String session = id + "-s" + s;
            String device = DEVICES.get(rnd.nextInt(DEVICES.size()));
            String daypart = DAYPARTS.get(rnd.nextInt(DAYPARTS.size()));
            RawContext ctx = new RawContext(Optional.of(device), Optional.of(daypart), Optional.of("US-CA"));
            // Each session has a latent intent (kept so tests can check the classifier against it):
            // browsing hops across categories, research compares within one, purchase ends in the cart.
            double kind = rnd.nextDouble();
            SessionIntent intent = kind < 0.45 ? SessionIntent.BROWSING : kind < 0.8 ? SessionIntent.RESEARCH : SessionIntent.PURCHASE;
            if (healthBrowser && s == 0) {
                intent = SessionIntent.RESEARCH;
            }
            intents.put(session, intent);
            String focus = rnd.nextDouble() < 0.85 ? favourites.get(rnd.nextInt(favourites.size()))
                    : categories.get(rnd.nextInt(categories.size()));
            if (healthBrowser && s == 0) {
                focus = "health";
            }
            int length = intent == SessionIntent.BROWSING ? 3 + rnd.nextInt(4) : 4 + rnd.nextInt(5);
            List<Item> viewed = new ArrayList<>();
            Instant at = start;
            for (int e = 0; e < length; e++) {
                String category = intent == SessionIntent.BROWSING
                        ? (e == 0 || rnd.nextDouble() < 0.3 ? favourites.get(rnd.nextInt(favourites.size()))
                                : categories.get(rnd.nextInt(categories.size())))
                        : focus;
                List<Item> pool = byCategory.get(category);
                Item item = intent == SessionIntent.RESEARCH && !viewed.isEmpty() && rnd.nextDouble() < 0.25
                        ? viewed.get(rnd.nextInt(viewed.size()))
                        : pool.get(zipf(pool.size()));
                viewed.add(item);
                at = start.plus(Duration.ofSeconds(30L * e + rnd.nextInt(30)));
                events.add(new RawEvent(id, item.id().value(), "view", OptionalDouble.empty(), Optional.of(at), Optional.of(session), ctx));
                if (rnd.nextDouble() < 0.05) {
                    events.add(new RawEvent(id, item.id().value(), "like", OptionalDouble.empty(), Optional.of(at.plusSeconds(5)),
                            Optional.of(session), ctx));
                }
            }
            if (intent == SessionIntent.PURCHASE) {
                Item chosen = viewed.get(rnd.nextInt(viewed.size()));
                events.add(new RawEvent(id, chosen.id().value(), "add_to_cart", OptionalDouble.empty(), Optional.of(at.plusSeconds(20)),
                        Optional.of(session), ctx));
                if (rnd.nextDouble() < 0.6) {
                    events.add(new RawEvent(id, chosen.id().value(), "purchase", OptionalDouble.of(1), Optional.of(at.plusSeconds(60)),
                            Optional.of(session), ctx));
                }
            }
        }
        events.sort(java.util.Comparator.comparing(e -> e.timestamp().orElseThrow()));
        List<Map.Entry<String, FeedbackSignal>> feedback = new ArrayList<>();
        if (!events.isEmpty() && rnd.nextDouble() < 0.1) {
            List<Item> pool = byCategory.get(favourites.getFirst());
            feedback.add(Map.entry(pool.get(zipf(pool.size())).id().value(), FeedbackSignal.NOT_INTERESTED));
        }
        if (rnd.nextDouble() < 0.02) {
            feedback.add(Map.entry(byCategory.get(favourites.getFirst()).getFirst().id().value(), FeedbackSignal.TOO_PERSONAL));
        }
        return new DemoShop.Shopper(id, persona, consent, prefs, events, feedback, intents);
    }
}
