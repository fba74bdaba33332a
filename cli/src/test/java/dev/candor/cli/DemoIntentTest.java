package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.cli.demo.DemoShop;
import dev.candor.cli.demo.ShopGenerator;
import dev.candor.ingest.RawEvent;
import dev.candor.model.Item;
import dev.candor.profile.IntentClassifier;
import dev.candor.profile.SessionIntent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The session-intent rules against the demo's simulated sessions, each generated with a latent
 * intent: browsing hops across categories, research compares within one, purchase ends in the cart.
 */
class DemoIntentTest {
    @Test
    void classifierRecoversTheSimulatedIntentOfDemoSessions() {
        DemoShop shop = new ShopGenerator(11, Instant.parse("2026-06-01T00:00:00Z")).generate(1500, 400);
        Map<String, Item> items = shop.items().stream().collect(Collectors.toMap(i -> i.id().value(), Function.identity()));
        IntentClassifier classifier = new IntentClassifier();
        Map<SessionIntent, int[]> perClass = new EnumMap<>(SessionIntent.class); // {right, total}
        for (DemoShop.Shopper s : shop.users()) {
            Map<String, List<IntentClassifier.Step>> sessions = new LinkedHashMap<>();
            for (RawEvent e : s.events()) {
                Item item = items.get(e.item());
                sessions.computeIfAbsent(e.session().orElseThrow(), k -> new ArrayList<>())
                        .add(new IntentClassifier.Step(e.item(), e.type(), item.categories()));
            }
            sessions.forEach((session, steps) -> {
                SessionIntent truth = s.sessionIntents().get(session);
                int[] counts = perClass.computeIfAbsent(truth, k -> new int[2]);
                counts[1]++;
                if (classifier.classify(steps) == truth) {
                    counts[0]++;
                }
            });
        }
        StringBuilder report = new StringBuilder();
        perClass.forEach((intent, c) -> report.append(intent).append(' ').append(c[0]).append('/').append(c[1]).append("  "));
        System.out.println("intent accuracy on demo sessions: " + report);
        for (SessionIntent intent : SessionIntent.values()) {
            int[] c = perClass.get(intent);
            assertThat(c[1]).as("sessions of " + intent).isGreaterThan(100);
            assertThat((double) c[0] / c[1]).as("accuracy on " + intent + " sessions: " + report).isGreaterThanOrEqualTo(0.85);
        }
    }
}
