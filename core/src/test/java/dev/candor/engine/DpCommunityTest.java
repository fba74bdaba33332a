package dev.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.explain.Reason;
import dev.candor.ingest.RawEvent;
import dev.candor.model.Item;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.privacy.ErasureReceipt;
import dev.candor.privacy.HmacPseudonymizer;
import dev.candor.privacy.dp.DiscreteSamplers;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.recommend.Recommendations;
import dev.candor.testing.InMemoryStorage;
import dev.candor.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Community signals released with differential privacy: budget, refresh, erasure, and what is served. */
class DpCommunityTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final byte[] key = new byte[32];
    private final List<Engine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(Engine::close);
    }

    private Engine engine(long seed) {
        Arrays.fill(key, (byte) 5);
        Engine e = Engine.builder().storage(storage).pseudonymizer(new HmacPseudonymizer(key)).clock(clock)
                .config(EngineConfig.defaults().withRetrainInterval(Duration.ZERO))
                .communityPrivacy(new CommunityPrivacy(2, Duration.ofDays(1), 7)).communityNoise(new DiscreteSamplers(new Random(seed))).build();
        engines.add(e);
        return e;
    }

    private static void grant(Engine e, String user) {
        e.recordConsent(e.pseudonymizer().subject(user), Map.of(Purpose.PERSONALIZATION, true, Purpose.BEHAVIORAL, true,
                Purpose.COMMUNITY, true), "test");
    }

    /** 100 action fans and 30 drama fans granting community (k = 50). */
    private static void crowd(Engine e) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(Item.of("a" + i, "Action " + i, List.of("action")));
            items.add(Item.of("d" + i, "Drama " + i, List.of("drama")));
        }
        e.putItems(items);
        SplittableRandom rnd = new SplittableRandom(9);
        List<RawEvent> events = new ArrayList<>();
        for (int u = 0; u < 130; u++) {
            String user = "com-" + u;
            grant(e, user);
            String genre = u < 100 ? "a" : "d";
            for (int k = 0; k < 4; k++) {
                events.add(RawEvent.of(user, genre + rnd.nextInt(u < 100 ? 4 : 20), "view"));
            }
        }
        e.ingest(events);
    }

    private static double remaining(Engine e) {
        return ((Number) e.communityPrivacy().get("remaining")).doubleValue();
    }

    @Test
    void releases_spendTheirBudget_refreshOnlyWhenDueOrSomeoneLeaves_andStopWhenSpent() {
        Engine e = engine(1);
        assertThat(remaining(e)).as("starting makes a first release").isCloseTo(5, org.assertj.core.data.Offset.offset(1e-9));
        crowd(e);
        e.retrain();
        assertThat(e.models().segments().sizes()).as("not due yet: the start's release is kept").isEmpty();
        clock.advance(Duration.ofDays(1));
        e.retrain();
        assertThat(e.models().segments().epsilon()).hasValue(2.0);
        assertThat(e.models().segments().size("action")).as("about 100, noisy").isBetween(80, 120);
        assertThat(e.models().segments().size("drama")).as("30 drama fans stay below k = 50 despite the noise").isZero();
        assertThat(remaining(e)).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-9));

        var first = e.models().segments();
        clock.advance(Duration.ofHours(1));
        e.ingest(List.of(RawEvent.of("com-1", "a9", "view")));
        e.retrain();
        assertThat(e.models().segments()).as("not due: the release is kept, nothing spent").isSameAs(first);
        assertThat(remaining(e)).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-9));

        grant(e, "cam");
        e.ingest(List.of(RawEvent.of("cam", "a10", "view"), RawEvent.of("cam", "a11", "view"), RawEvent.of("cam", "a12", "view")));
        Recommendations r = e.recommend(RecommendationRequest.of(e.pseudonymizer().subject("cam"), 10));
        assertThat(r.dataUsed()).contains(DataCategory.COMMUNITY);
        assertThat(r.items()).anySatisfy(i -> assertThat(i.reasons()).anySatisfy(reason -> {
            assertThat(reason).isInstanceOf(Reason.PopularWith.class);
            assertThat(reason.evidence()).allSatisfy(ev -> assertThat(ev.label()).contains("people who mostly like action"));
            assertThat(reason.evidence().getFirst().label()).contains("differentially private");
            assertThat(reason.evidence().stream().mapToDouble(x -> x.weight()).sum()).isCloseTo(reason.weight(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }));

        SubjectId leaving = e.pseudonymizer().subject("com-2");
        ErasureReceipt receipt = e.erase(leaving);
        assertThat(e.models().segments()).as("someone counted left: released again").isNotSameAs(first);
        assertThat(remaining(e)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(receipt.models()).anySatisfy(m -> {
            assertThat(m.model()).isEqualTo("community");
            assertThat(m.method()).contains("differentially private").contains("released");
        });

        ErasureReceipt second = e.erase(e.pseudonymizer().subject("com-3"));
        assertThat(e.models().segments().sizes()).as("budget spent and someone left: community signals stop").isEmpty();
        assertThat(second.models()).anySatisfy(m -> assertThat(m.method()).contains("off"));
        Recommendations after = e.recommend(RecommendationRequest.of(e.pseudonymizer().subject("cam"), 10));
        assertThat(after.dataUsed()).doesNotContain(DataCategory.COMMUNITY);

        // the budget is durable: a new engine on the same storage cannot spend it again
        Engine restarted = engine(2);
        assertThat(remaining(restarted)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(restarted.models().segments().sizes()).isEmpty();
    }
}
