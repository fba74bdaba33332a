package dev.candor.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentClassifierTest {
    private final IntentClassifier classifier = new IntentClassifier();

    private static IntentClassifier.Step step(String item, String type, String category) {
        return new IntentClassifier.Step(item, type, List.of(category));
    }

    @Test
    void emptySession_isBrowsing() {
        assertThat(classifier.classify(List.of())).isEqualTo(SessionIntent.BROWSING);
    }

    @Test
    void anythingInTheCart_isPurchase() {
        assertThat(classifier.classify(List.of(step("a", "view", "x"), step("b", "view", "y"), step("b", "add_to_cart", "y"))))
                .isEqualTo(SessionIntent.PURCHASE);
    }

    @Test
    void focusedOnOneCategory_isResearch() {
        assertThat(classifier.classify(List.of(step("a", "view", "tents"), step("b", "view", "tents"), step("c", "view", "tents"),
                step("d", "view", "books")))).isEqualTo(SessionIntent.RESEARCH);
    }

    @Test
    void belowTheFocusShare_isBrowsing() {
        // 2 of 4 in one category: 50 % < 70 %
        assertThat(classifier.classify(List.of(step("a", "view", "tents"), step("b", "view", "tents"), step("c", "view", "garden"),
                step("d", "view", "books")))).isEqualTo(SessionIntent.BROWSING);
    }

    @Test
    void twoFocusedViews_areTooFewForResearchUnlessSearched() {
        List<IntentClassifier.Step> two = List.of(step("a", "view", "tents"), step("b", "view", "tents"));
        assertThat(classifier.classify(two)).isEqualTo(SessionIntent.BROWSING);
        assertThat(classifier.classify(List.of(step("a", "search", "tents"), step("b", "view", "tents"))))
                .isEqualTo(SessionIntent.RESEARCH);
    }

    @Test
    void aCategoryCountsOncePerStep() {
        IntentClassifier.Step dup = new IntentClassifier.Step("a", "view", List.of("x", "x"));
        assertThat(IntentClassifier.dominantCategoryShare(List.of(dup, step("b", "view", "y")))).isEqualTo(0.5);
    }
}
