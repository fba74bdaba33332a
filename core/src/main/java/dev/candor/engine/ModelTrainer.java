package dev.candor.engine;

import dev.candor.consent.ConsentService;
import dev.candor.model.ConsentState;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.profile.DecayPolicy;
import dev.candor.profile.FeedbackService;
import dev.candor.profile.History;
import dev.candor.profile.InteractionIndex;
import dev.candor.profile.PreferenceService;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.source.ItemKnnModel;
import dev.candor.recommend.source.PopularityModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link TrainedModels} from the live index. Only behaviour that may feed models is used:
 * subjects who granted personalization and behavioural use, events with positive weight, and not on
 * items the subject marked "not me" or "not interested", nor on sensitive categories the subject
 * did not opt into. Stateless apart from its collaborators; thread-safe.
 */
final class ModelTrainer {
    private final InteractionIndex index;
    private final ConsentService consents;
    private final PreferenceService preferences;
    private final FeedbackService feedback;
    private final Catalog catalog;
    private final EngineConfig config;

    ModelTrainer(InteractionIndex index, ConsentService consents, PreferenceService preferences,
                 FeedbackService feedback, Catalog catalog, EngineConfig config) {
        this.index = index;
        this.consents = consents;
        this.preferences = preferences;
        this.feedback = feedback;
        this.catalog = catalog;
        this.config = config;
    }

    TrainedModels train(Instant now) {
        List<int[]> subjects = new ArrayList<>();
        DecayPolicy decay = config.decay();
        index.forEach((subject, history) -> {
            ConsentState consent = consents.current(subject);
            if (!consent.allows(Purpose.PERSONALIZATION) || !consent.allows(Purpose.BEHAVIORAL)) {
                return;
            }
            int[] items = eligibleItems(history, preferences.get(subject), feedback.notMe(subject),
                    feedback.notInterested(subject), decay);
            if (items.length > 0) {
                subjects.add(items);
            }
        });
        int numItems = catalog.size();
        ItemKnnModel knn = ItemKnnModel.train(subjects, numItems, config.knnNeighbours(), config.knnShrink());
        int[] counts = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            counts[i] = knn.support(i);
        }
        return new TrainedModels(knn, new PopularityModel(counts), now, subjects.size());
    }

    private int[] eligibleItems(History h, Preferences prefs, Set<Integer> notMe, Set<Integer> notInterested, DecayPolicy decay) {
        TreeSet<Integer> items = new TreeSet<>();
        for (int k = 0; k < h.size(); k++) {
            int i = h.item(k);
            if (notMe.contains(i) || notInterested.contains(i) || i >= catalog.size()) {
                continue;
            }
            if (catalog.isSensitive(i) && !catalog.sensitivity().mayInferFrom(catalog.item(i), prefs)) {
                continue;
            }
            if (decay.kind(h.kind(k)).baseWeight(h.value(k)) > 0) {
                items.add(i);
            }
        }
        return items.stream().mapToInt(Integer::intValue).toArray();
    }
}
