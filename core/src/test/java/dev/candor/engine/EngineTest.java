package dev.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.consent.DropReason;
import dev.candor.explain.Reason;
import dev.candor.ingest.IngestReport;
import dev.candor.ingest.RawEvent;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Intensity;
import dev.candor.model.ItemId;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
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

class EngineTest {
    private final EngineFixture f = new EngineFixture();

    private Recommendations recommend(String user) {
        return f.engine.recommend(RecommendationRequest.of(f.subject(user), 10));
    }

    private List<String> ids(Recommendations r) {
        return r.items().stream().map(i -> f.engine.catalog().item(i.item()).id().value()).toList();
    }

    private void view(String user, String... items) {
        f.engine.ingest(java.util.Arrays.stream(items).map(i -> RawEvent.of(user, i, "view")).toList());
    }

    @Test
    void ingest_unknownSubject_dropsAsNoConsentAndStoresNothing() {
        long before = f.storage.events().count();
        IngestReport r = f.engine.ingest(List.of(RawEvent.of("stranger", "a1", "view")));
        assertThat(r.accepted()).isZero();
        assertThat(r.dropped()).containsEntry(DropReason.NO_CONSENT, 1);
        assertThat(f.storage.events().count()).isEqualTo(before);
    }

    @Test
    void ingest_behavioralNotGranted_dropsWithReason() {
        f.grant("carol", Purpose.PERSONALIZATION);
        IngestReport r = f.engine.ingest(List.of(RawEvent.of("carol", "a1", "view")));
        assertThat(r.dropped()).containsEntry(DropReason.BEHAVIORAL_NOT_GRANTED, 1);
    }

    @Test
    void recommend_unknownSubject_isNonPersonalAndSaysSo() {
        Recommendations r = recommend("stranger");
        assertThat(r.level()).isEqualTo(PersonalizationLevel.NONE);
        assertThat(r.fallback()).isPresent();
        assertThat(r.dataUsed()).containsExactly(DataCategory.POPULARITY);
        assertThat(r.items()).isNotEmpty().allSatisfy(i ->
                assertThat(i.reasons()).allSatisfy(reason -> assertThat(reason).isInstanceOf(Reason.Popular.class)));
    }

    @Test
    void recommend_actionViewer_getsActionItemsExplainedByTheirHistory() {
        f.grant("alice", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        view("alice", "a1", "a2", "a3", "a4");
        Recommendations r = recommend("alice");
        assertThat(r.level()).isEqualTo(PersonalizationLevel.FULL);
        assertThat(ids(r)).isNotEmpty().allMatch(id -> id.startsWith("a")).doesNotContain("a1", "a2", "a3", "a4");
        assertThat(r.items().getFirst().reasons()).anySatisfy(reason -> {
            assertThat(reason).isInstanceOf(Reason.BecauseYouInteracted.class);
            assertThat(reason.text()).startsWith("Because you viewed Action ");
        });
        // EASE's and iALS's shares over the same history are one reason, not two naming the same films
        assertThat(r.items()).allSatisfy(i -> assertThat(i.reasons()).filteredOn(x -> x instanceof Reason.BecauseYouInteracted)
                .hasSizeLessThanOrEqualTo(1));
        assertThat(r.dataUsed()).contains(DataCategory.BEHAVIORAL);
    }

    @Test
    void recommend_everyItem_reasonsAddUpToScore() {
        f.grant("alice", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        view("alice", "a1", "a2", "d3");
        f.engine.putPreferences(f.subject("alice"), new Preferences(Set.of("drama"), Set.of(), Intensity.HIGH, Set.of(), Instant.EPOCH));
        for (Recommendations r : List.of(recommend("alice"), recommend("stranger"))) {
            for (ScoredItem item : r.items()) {
                double sum = item.reasons().stream().mapToDouble(Reason::weight).sum();
                double evidence = item.reasons().stream().flatMap(x -> x.evidence().stream()).mapToDouble(e -> e.weight()).sum();
                assertThat(item.score()).isCloseTo(sum, within(1e-12)).isCloseTo(evidence, within(1e-9)).isPositive();
            }
        }
    }

    @Test
    void ingest_newEvent_changesTheNextRecommendationWithoutRetraining() {
        f.grant("dave", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        view("dave", "a1", "a2", "a3");
        List<String> before = ids(recommend("dave"));
        view("dave", "d1", "d2", "d3", "d4", "d5", "d6");
        List<String> after = ids(recommend("dave"));
        assertThat(after).isNotEqualTo(before);
        assertThat(after).anyMatch(id -> id.startsWith("d"));
    }

    @Test
    void feedback_notInterested_hidesItemAndRemovesItsInfluenceOnNextRequest() {
        f.grant("erin", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        view("erin", "a1", "a2", "a3");
        String top = ids(recommend("erin")).getFirst();
        f.engine.feedback(f.subject("erin"), ItemId.of(top), FeedbackSignal.NOT_INTERESTED, Optional.empty());
        f.engine.feedback(f.subject("erin"), ItemId.of("a1"), FeedbackSignal.NOT_INTERESTED, Optional.empty());
        Recommendations r = recommend("erin");
        assertThat(ids(r)).doesNotContain(top, "a1");
        assertThat(r.items()).allSatisfy(i -> assertThat(i.reasons()).allSatisfy(reason ->
                assertThat(reason.evidence()).noneMatch(e -> e.ref().equals("a1"))));
    }

    @Test
    void feedback_tooPersonal_lowersIntensity() {
        f.grant("fay", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        SubjectId fay = f.subject("fay");
        f.engine.feedback(fay, ItemId.of("a1"), FeedbackSignal.TOO_PERSONAL, Optional.empty());
        assertThat(f.engine.preferences(fay).intensity()).isEqualTo(Intensity.MEDIUM);
        f.engine.feedback(fay, ItemId.of("a1"), FeedbackSignal.TOO_PERSONAL, Optional.empty());
        assertThat(recommend("fay").level()).isEqualTo(PersonalizationLevel.LIGHT);
    }

    @Test
    void ingest_sensitiveView_changesNothingElsewhereAndSurfacesNoSensitiveItem() {
        f.grant("gus", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        view("gus", "a1", "a2", "a3");
        Recommendations before = recommend("gus");
        view("gus", "h1", "h2");
        Recommendations after = recommend("gus");
        assertThat(ids(after)).isEqualTo(ids(before));
        assertThat(ids(after)).noneMatch(id -> id.startsWith("h"));
        // asked for explicitly, the sensitive category is shown
        Recommendations asked = f.engine.recommend(new RecommendationRequest(f.subject("gus"), 5, Optional.of("health"),
                Optional.empty(), Optional.empty(), dev.candor.model.Context.NONE));
        assertThat(ids(asked)).isNotEmpty().allMatch(id -> id.startsWith("h"));
    }

    @Test
    void consent_behavioralOff_dropsToLightWithoutBehavioralData() {
        f.grant("hal", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        view("hal", "a1", "a2", "a3");
        f.engine.putPreferences(f.subject("hal"), new Preferences(Set.of("drama"), Set.of(), Intensity.HIGH, Set.of(), Instant.EPOCH));
        assertThat(recommend("hal").dataUsed()).contains(DataCategory.BEHAVIORAL);
        f.engine.recordConsent(f.subject("hal"), Map.of(Purpose.BEHAVIORAL, false), "test");
        Recommendations r = recommend("hal");
        assertThat(r.level()).isEqualTo(PersonalizationLevel.LIGHT);
        assertThat(r.dataUsed()).doesNotContain(DataCategory.BEHAVIORAL).contains(DataCategory.EXPLICIT_PREFERENCES);
        assertThat(ids(r)).allMatch(id -> id.startsWith("d"));
    }

    @Test
    void consent_personalizationOff_givesNonPersonalResultsThatSaySo() {
        f.grant("ivy", Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        view("ivy", "a1", "a2", "a3");
        f.engine.recordConsent(f.subject("ivy"), Map.of(Purpose.PERSONALIZATION, false), "test");
        Recommendations r = recommend("ivy");
        assertThat(r.level()).isEqualTo(PersonalizationLevel.NONE);
        assertThat(r.fallback()).get().asString().contains("Personalization is off");
        assertThat(ids(r)).isEqualTo(ids(recommend("stranger")));
    }

    @Test
    void similar_knownItem_returnsNeighboursOfSameGenreExplained() {
        List<ScoredItem> sim = f.engine.similar(ItemId.of("a1"), 5).orElseThrow();
        assertThat(sim).isNotEmpty();
        assertThat(sim).allSatisfy(i -> assertThat(f.engine.catalog().item(i.item()).id().value()).startsWith("a"));
        assertThat(f.engine.similar(ItemId.of("nope"), 5)).isEmpty();
    }
}
