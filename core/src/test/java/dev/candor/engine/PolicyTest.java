package dev.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.explain.Reason;
import dev.candor.ingest.RawEvent;
import dev.candor.model.EventType;
import dev.candor.model.Intensity;
import dev.candor.model.ItemId;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.profile.SessionIntent;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.recommend.Recommendations;
import dev.candor.recommend.ScoredItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Personalization policy: levels, what each level may read, session intent, anonymous sessions. */
class PolicyTest {
    private final EngineFixture f = new EngineFixture();

    private Recommendations recommend(String user) {
        return f.engine.recommend(RecommendationRequest.of(f.subject(user), 10));
    }

    private Recommendations recommendInSession(String user, String session) {
        return f.engine.recommend(new RecommendationRequest(f.subject(user), 10, Optional.empty(), Optional.empty(),
                Optional.of(f.engine.pseudonymizer().session(session)), dev.candor.model.Context.NONE));
    }

    private void events(String user, String session, String type, String... items) {
        f.engine.ingest(java.util.Arrays.stream(items).map(i -> new RawEvent(user, i, type, java.util.OptionalDouble.empty(),
                Optional.empty(), Optional.of(session), dev.candor.ingest.RawContext.NONE)).toList());
    }

    private List<String> ids(Recommendations r) {
        return r.items().stream().map(i -> f.engine.catalog().item(i.item()).id().value()).toList();
    }

    @Test
    void light_readsNoBehaviouralHistory_fromStoreOrIndex() {
        f.grant("lea", Purpose.PERSONALIZATION);
        f.engine.putPreferences(f.subject("lea"), new Preferences(Set.of("drama"), Set.of(), Intensity.HIGH, Set.of(), Instant.EPOCH));
        long storeReads = f.storage.eventReads.get();
        long indexReads = f.engine.index().historyReads();
        Recommendations r = recommend("lea");
        assertThat(r.level()).isEqualTo(PersonalizationLevel.LIGHT);
        assertThat(r.intent()).isEmpty();
        assertThat(f.storage.eventReads.get()).isEqualTo(storeReads);
        assertThat(f.engine.index().historyReads()).isEqualTo(indexReads);
        assertThat(recommend("stranger").level()).isEqualTo(PersonalizationLevel.NONE);
        assertThat(f.engine.index().historyReads()).isEqualTo(indexReads);
    }

    @Test
    void focusedSession_isResearch_andStaysInItsCategory() {
        f.grant("rae", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        events("rae", "s1", "view", "a1", "a2", "a3", "a4");
        Recommendations r = recommendInSession("rae", "s1");
        assertThat(r.intent()).contains(SessionIntent.RESEARCH);
        assertThat(ids(r).subList(0, 5)).allMatch(id -> id.startsWith("a"));
    }

    @Test
    void cartInSession_isPurchase() {
        f.grant("pat", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        events("pat", "s1", "view", "a1", "d2");
        events("pat", "s1", "add_to_cart", "a1");
        assertThat(recommendInSession("pat", "s1").intent()).contains(SessionIntent.PURCHASE);
        // another session of the same person has its own intent
        events("pat", "s2", "view", "d1", "a7", "h1");
        assertThat(recommendInSession("pat", "s2").intent()).contains(SessionIntent.BROWSING);
    }

    @Test
    void browsingSession_mixesCategoriesMoreThanResearch() {
        f.grant("bo", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        events("bo", "s1", "view", "a1", "d1", "a2", "d2");
        Recommendations r = recommendInSession("bo", "s1");
        assertThat(r.intent()).contains(SessionIntent.BROWSING);
        List<String> top = ids(r).subList(0, 6);
        assertThat(top).anyMatch(id -> id.startsWith("a")).anyMatch(id -> id.startsWith("d"));
    }

    @Test
    void intentChangesTheBlend_andReasonsStillAddUp() {
        f.grant("ann", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        events("ann", "s1", "view", "a1", "a2", "d1");
        Recommendations browsing = recommendInSession("ann", "s1");
        events("ann", "s1", "add_to_cart", "a1");
        Recommendations purchase = recommendInSession("ann", "s1");
        assertThat(browsing.intent()).contains(SessionIntent.BROWSING);
        assertThat(purchase.intent()).contains(SessionIntent.PURCHASE);
        assertThat(purchase.items()).isNotEqualTo(browsing.items());
        for (Recommendations r : List.of(browsing, purchase)) {
            for (ScoredItem item : r.items()) {
                assertThat(item.reasons().stream().mapToDouble(Reason::weight).sum()).isCloseTo(item.score(), within(1e-12));
            }
        }
    }

    @Test
    void anonymousSession_usesOnlyTheEventsSent_andStoresNothing() {
        long stored = f.storage.events().count();
        long storeReads = f.storage.eventReads.get();
        long indexReads = f.engine.index().historyReads();
        int subjects = f.engine.index().subjects();
        Recommendations r = f.engine.recommendSession(List.of(Map.entry(ItemId.of("d1"), EventType.VIEW),
                Map.entry(ItemId.of("d2"), EventType.VIEW), Map.entry(ItemId.of("nope"), EventType.VIEW)), 5, Optional.empty());
        assertThat(r.level()).isEqualTo(PersonalizationLevel.SESSION);
        assertThat(ids(r)).isNotEmpty().allMatch(id -> id.startsWith("d")).doesNotContain("d1", "d2");
        assertThat(r.items().getFirst().reasons()).anySatisfy(reason -> assertThat(reason.text()).startsWith("Because you viewed Drama"));
        assertThat(r.dataUsed()).contains(DataCategory.SESSION).doesNotContain(DataCategory.BEHAVIORAL);
        assertThat(f.storage.events().count()).isEqualTo(stored);
        assertThat(f.storage.eventReads.get()).isEqualTo(storeReads);
        assertThat(f.engine.index().historyReads()).isEqualTo(indexReads);
        assertThat(f.engine.index().subjects()).isEqualTo(subjects);
    }

    @Test
    void emptyAnonymousSession_isPopularAndSaysSo() {
        Recommendations r = f.engine.recommendSession(List.of(), 5, Optional.empty());
        assertThat(r.fallback()).isPresent();
        assertThat(r.dataUsed()).containsExactly(DataCategory.POPULARITY);
    }

    /** 60 people on mobile in the evening viewing drama; 30 on desktop in the morning viewing action (below k = 50). */
    private void contextCrowd() {
        List<RawEvent> events = new java.util.ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int u = 0; u < 90; u++) {
            String user = "ctx-" + u;
            f.grant(user, Purpose.PERSONALIZATION, Purpose.BEHAVIORAL, Purpose.CONTEXT);
            boolean evening = u < 60;
            var ctx = new dev.candor.ingest.RawContext(Optional.of(evening ? "mobile" : "desktop"),
                    Optional.of(evening ? "evening" : "morning"), Optional.of("US-CA-San Francisco"));
            for (int k = 0; k < 4; k++) {
                String item = (evening ? "d" : "a") + (evening ? rnd.nextInt(5) : rnd.nextInt(20));
                events.add(new RawEvent(user, item, "view", java.util.OptionalDouble.empty(), Optional.empty(), Optional.empty(), ctx));
            }
        }
        assertThat(f.engine.ingest(events).accepted()).isEqualTo(360);
        f.engine.retrain();
    }

    private Recommendations recommendIn(String user, String device, String daypart) {
        return f.engine.recommend(new RecommendationRequest(f.subject(user), 10, Optional.empty(), Optional.empty(), Optional.empty(),
                new dev.candor.model.Context(Optional.of(device), Optional.of(daypart), Optional.empty())));
    }

    @Test
    void context_withConsent_suggestsWhatIsPopularInThatContext_andSaysSo() {
        contextCrowd();
        f.grant("cy", Purpose.PERSONALIZATION, Purpose.CONTEXT);
        Recommendations r = recommendIn("cy", "mobile", "evening");
        assertThat(r.level()).isEqualTo(PersonalizationLevel.LIGHT);
        assertThat(r.dataUsed()).contains(DataCategory.CONTEXT);
        ScoredItem first = r.items().getFirst();
        assertThat(f.engine.catalog().item(first.item()).id().value()).startsWith("d");
        assertThat(first.reasons()).anySatisfy(reason -> {
            assertThat(reason).isInstanceOf(Reason.SuitsContext.class);
            assertThat(reason.text()).isEqualTo("Popular with people shopping on mobile in the evening");
        });
        for (ScoredItem item : r.items()) {
            assertThat(item.reasons().stream().mapToDouble(Reason::weight).sum()).isCloseTo(item.score(), within(1e-12));
        }
    }

    @Test
    void context_withoutConsent_isIgnored() {
        contextCrowd();
        f.grant("cid", Purpose.PERSONALIZATION);
        Recommendations withContext = recommendIn("cid", "mobile", "evening");
        assertThat(withContext.dataUsed()).doesNotContain(DataCategory.CONTEXT);
        assertThat(withContext.items()).allSatisfy(i -> assertThat(i.reasons()).noneMatch(x -> x instanceof Reason.SuitsContext));
        assertThat(withContext.items()).isEqualTo(recommend("cid").items());
    }

    @Test
    void context_belowKPeople_givesNoContextSignal() {
        contextCrowd();
        f.grant("kay", Purpose.PERSONALIZATION, Purpose.CONTEXT);
        Recommendations r = recommendIn("kay", "desktop", "morning");
        assertThat(r.dataUsed()).doesNotContain(DataCategory.CONTEXT);
        assertThat(f.engine.models().context().device(dev.candor.profile.ContextCode.DEVICES.indexOf("desktop"))).isNull();
        assertThat(f.engine.models().context().device(dev.candor.profile.ContextCode.DEVICES.indexOf("mobile"))).isNotNull();
    }

    /** 60 action fans and 40 drama fans granting community: only the action segment reaches k = 50. */
    private void communityCrowd() {
        List<RawEvent> events = new java.util.ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
        for (int u = 0; u < 100; u++) {
            String user = "com-" + u;
            f.grant(user, Purpose.PERSONALIZATION, Purpose.BEHAVIORAL, Purpose.COMMUNITY);
            String genre = u < 60 ? "a" : "d";
            for (int k = 0; k < 4; k++) {
                events.add(RawEvent.of(user, genre + (u < 60 ? rnd.nextInt(4) : rnd.nextInt(20)), "view"));
            }
        }
        f.engine.ingest(events);
        f.engine.retrain();
    }

    @Test
    void community_segmentsOfAtLeastKPeople_explainWhoTheItemIsPopularWith() {
        communityCrowd();
        f.grant("cam", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL, Purpose.COMMUNITY);
        f.engine.ingest(List.of(RawEvent.of("cam", "a10", "view"), RawEvent.of("cam", "a11", "view"), RawEvent.of("cam", "a12", "view")));
        Recommendations r = recommend("cam");
        assertThat(r.dataUsed()).contains(DataCategory.COMMUNITY);
        assertThat(r.items()).anySatisfy(i -> assertThat(i.reasons()).anySatisfy(reason -> {
            assertThat(reason).isInstanceOf(Reason.PopularWith.class);
            assertThat(reason.text()).isEqualTo("Popular with people who mostly like action");
        }));
        assertThat(f.engine.segments(f.subject("cam"))).containsExactly("people who mostly like action");
        assertThat(f.engine.models().segments().size("drama")).as("40 drama fans are fewer than k").isZero();
    }

    @Test
    void community_withoutConsent_isNeitherUsedNorCounted() {
        communityCrowd();
        f.grant("cole", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        f.engine.ingest(List.of(RawEvent.of("cole", "a10", "view"), RawEvent.of("cole", "a11", "view"), RawEvent.of("cole", "a12", "view")));
        int before = f.engine.models().segments().size("action");
        f.engine.retrain();
        assertThat(f.engine.models().segments().size("action")).isEqualTo(before);
        Recommendations r = recommend("cole");
        assertThat(r.dataUsed()).doesNotContain(DataCategory.COMMUNITY);
        assertThat(f.engine.segments(f.subject("cole"))).isEmpty();
    }
}
