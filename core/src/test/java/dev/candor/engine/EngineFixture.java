package dev.candor.engine;

import dev.candor.ingest.RawEvent;
import dev.candor.model.Item;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.privacy.HmacPseudonymizer;
import dev.candor.testing.InMemoryStorage;
import dev.candor.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small shop for engine tests: 20 action, 20 drama and 6 health (sensitive) items; 80 consenting
 * subjects, half into action, half into drama, each viewing 6 items of their genre (seeded).
 */
final class EngineFixture {
    final InMemoryStorage storage = new InMemoryStorage();
    final TestClock clock = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));
    final Engine engine;

    EngineFixture() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        engine = Engine.builder().storage(storage).pseudonymizer(new HmacPseudonymizer(key)).masterKey(key)
                .config(EngineConfig.defaults().withRetrainInterval(Duration.ZERO)).clock(clock).build();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(Item.of("a" + i, "Action " + i, List.of("action")));
            items.add(Item.of("d" + i, "Drama " + i, List.of("drama")));
        }
        for (int i = 0; i < 6; i++) {
            items.add(Item.of("h" + i, "Health " + i, List.of("health")));
        }
        engine.putItems(items);
        SplittableRandom rnd = new SplittableRandom(42);
        List<RawEvent> events = new ArrayList<>();
        for (int u = 0; u < 80; u++) {
            String user = "user-" + u;
            grant(user, Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
            String genre = u % 2 == 0 ? "a" : "d";
            for (int k = 0; k < 6; k++) {
                events.add(RawEvent.of(user, genre + rnd.nextInt(20), "view"));
            }
            if (u % 10 == 0) {
                events.add(RawEvent.of(user, "h" + rnd.nextInt(6), "view"));
            }
        }
        engine.ingest(events);
        engine.retrain();
    }

    SubjectId subject(String raw) {
        return engine.pseudonymizer().subject(raw);
    }

    void grant(String user, Purpose... purposes) {
        Map<Purpose, Boolean> m = new java.util.EnumMap<>(Purpose.class);
        for (Purpose p : purposes) {
            m.put(p, true);
        }
        engine.recordConsent(subject(user), m, "test");
    }
}
