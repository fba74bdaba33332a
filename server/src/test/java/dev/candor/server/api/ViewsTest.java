package dev.candor.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.consent.SensitivityPolicy;
import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.model.Item;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.ScoredItem;
import dev.candor.server.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private final Catalog catalog = new Catalog(SensitivityPolicy.defaults());

    private ScoredItem item() {
        catalog.putAll(List.of(Item.of("m1", "Heat", List.of("crime", "drama"))));
        return new ScoredItem(0, List.of(
                new Reason.BecauseYouInteracted(List.of(new Evidence(Evidence.Kind.ITEM, "h1", "Ronin", "viewed", 0.75),
                        new Evidence(Evidence.Kind.ITEM, "h2", null, "bought", -0.125))),
                new Reason.Popular(List.of(new Evidence(Evidence.Kind.STATISTIC, "views", "views", "popular", 0.1)))));
    }

    @Test
    void scoredItem_writesTheDocumentOfTheReasonMaps() {
        ScoredItem s = item();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("item", "m1");
        expected.put("title", "Heat");
        expected.put("categories", List.of("crime", "drama"));
        expected.put("score", s.score());
        expected.put("reasons", s.reasons().stream().map(Views::reason).toList());
        JsonNode written = Json.MAPPER.valueToTree(Views.scoredItem(s, catalog));
        assertThat(written).isEqualTo(Json.MAPPER.valueToTree(expected));
        assertThat(written.get("reasons").get(0).get("evidence").get(1).get("label").asText()).isEqualTo("h2");
        assertThat(java.util.stream.StreamSupport.stream(((Iterable<String>) written::fieldNames).spliterator(), false).toList())
                .containsExactly("item", "title", "categories", "score", "reasons");
    }

    @Test
    void scoredItem_unexplained_hasEmptyReasons() {
        JsonNode written = Json.MAPPER.valueToTree(Views.scoredItem(item(), catalog, false));
        assertThat(written.get("reasons").isArray()).isTrue();
        assertThat(written.get("reasons")).isEmpty();
        assertThat(written.get("score").asDouble()).isEqualTo(0.725);
    }
}
