package dev.candor.engine;

import dev.candor.consent.ConsentService;
import dev.candor.model.ConsentState;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.profile.ContextCode;
import dev.candor.profile.DecayPolicy;
import dev.candor.profile.FeedbackService;
import dev.candor.profile.History;
import dev.candor.profile.InteractionIndex;
import dev.candor.profile.PreferenceService;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.EaseModel;
import dev.candor.recommend.source.IalsModel;
import dev.candor.recommend.source.ContextModel;
import dev.candor.recommend.source.ItemKnnModel;
import dev.candor.recommend.source.PopularityModel;
import dev.candor.recommend.source.SegmentModel;
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
    private final DpCommunity dpCommunity; // null: exact, k-anonymous community counts
    /** Trending counts cover the last week. */
    static final java.time.Duration TRENDING_WINDOW = java.time.Duration.ofDays(7);

    ModelTrainer(InteractionIndex index, ConsentService consents, PreferenceService preferences,
                 FeedbackService feedback, Catalog catalog, EngineConfig config) {
        this(index, consents, preferences, feedback, catalog, config, null);
    }

    ModelTrainer(InteractionIndex index, ConsentService consents, PreferenceService preferences,
                 FeedbackService feedback, Catalog catalog, EngineConfig config, DpCommunity dpCommunity) {
        this.dpCommunity = dpCommunity;
        this.index = index;
        this.consents = consents;
        this.preferences = preferences;
        this.feedback = feedback;
        this.catalog = catalog;
        this.config = config;
    }

    /**
     * Trains the cheap models; refits EASE and iALS too when {@code refit}, else keeps those of
     * {@code previous} (they score any current history, and a grown catalog only lacks the new items).
     */
    TrainedModels train(Instant now, boolean refit, TrainedModels previous) {
        List<int[]> subjects = new ArrayList<>();
        DecayPolicy decay = config.decay();
        int numItems = catalog.size();
        ContextModel.Builder context = new ContextModel.Builder(numItems, config.minGroupSubjects());
        SegmentModel.Builder segments = dpCommunity == null ? new SegmentModel.Builder(numItems, config.minGroupSubjects())
                : SegmentModel.Builder.bounded(numItems, config.minGroupSubjects());
        Set<dev.candor.model.SubjectId> community = new java.util.HashSet<>();
        long weekAgo = now.minus(TRENDING_WINDOW).toEpochMilli();
        index.forEach((subject, history) -> {
            ConsentState consent = consents.current(subject);
            if (!consent.allows(Purpose.PERSONALIZATION) || !consent.allows(Purpose.BEHAVIORAL)) {
                return;
            }
            Preferences prefs = preferences.get(subject);
            Set<Integer> notMe = feedback.notMe(subject);
            Set<Integer> notInterested = feedback.notInterested(subject);
            int[] items = eligibleItems(history, prefs, notMe, notInterested, decay);
            if (items.length > 0) {
                subjects.add(items);
                if (consent.allows(Purpose.COMMUNITY)) {
                    mainInterest(items).ifPresent(segment -> {
                        segments.add(segment, newestFirst(history, prefs, notMe, notInterested, decay, Long.MIN_VALUE),
                                newestFirst(history, prefs, notMe, notInterested, decay, weekAgo));
                        community.add(subject);
                    });
                }
            }
            if (consent.allows(Purpose.CONTEXT)) {
                addContext(context, history, prefs, notMe, notInterested, decay);
            }
        });
        ItemKnnModel knn = ItemKnnModel.train(subjects, numItems, config.knnNeighbours(), config.knnShrink());
        int[] counts = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            counts[i] = knn.support(i);
        }
        EaseModel ease = previous.ease();
        IalsModel ials = previous.ials();
        Instant fittedAt = previous.fittedAt();
        if (refit) {
            InteractionMatrix.Builder b = InteractionMatrix.builder(subjects.size(), numItems);
            for (int r = 0; r < subjects.size(); r++) {
                for (int i : subjects.get(r)) {
                    b.add(r, i, 1f);
                }
            }
            InteractionMatrix x = b.build();
            EngineConfig.Collaborative cf = config.cf();
            ease = numItems <= cf.easeMaxItems() && x.nnz() > 0 ? EaseModel.fit(x, cf.easeLambda(), cf.easeDropout(), cf.easeNeighbours()) : EaseModel.EMPTY;
            ials = x.nnz() > 0 ? IalsModel.train(x, cf.ials()) : null;
            fittedAt = now;
        }
        SegmentModel segmentModel = dpCommunity == null ? segments.build() : dpCommunity.next(segments, community, candidateSegments(), now);
        return new TrainedModels(knn, new PopularityModel(counts), context.build(), segmentModel, ease, ials, now, fittedAt,
                subjects.size());
    }

    /** {@return the public list of candidate segments: every non-sensitive catalog category, lowercased} */
    private Set<String> candidateSegments() {
        Set<String> out = new java.util.TreeSet<>();
        for (int i = 0; i < catalog.size(); i++) {
            if (!catalog.isSensitive(i)) {
                catalog.item(i).categories().forEach(c -> out.add(c.toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return out;
    }

    /** {@return the subject's distinct eligible items with an event at or after {@code sinceMillis}, most recent first} */
    private int[] newestFirst(History h, Preferences prefs, Set<Integer> notMe, Set<Integer> notInterested, DecayPolicy decay,
                              long sinceMillis) {
        java.util.LinkedHashSet<Integer> out = new java.util.LinkedHashSet<>();
        for (int k = h.size() - 1; k >= 0; k--) {
            if (h.timeMillis(k) >= sinceMillis && eligible(h.item(k), h, k, prefs, notMe, notInterested, decay)) {
                out.add(h.item(k));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@return the category most of these items are in} */
    private java.util.Optional<String> mainInterest(int[] items) {
        java.util.Map<String, Integer> cats = new java.util.HashMap<>();
        for (int i : items) {
            for (String c : catalog.item(i).categories()) {
                cats.merge(c.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            }
        }
        return SegmentModel.mainInterest(cats);
    }

    /** Adds one subject's eligible items per device class and per daypart (context is used only with consent). */
    private void addContext(ContextModel.Builder context, History h, Preferences prefs, Set<Integer> notMe,
                            Set<Integer> notInterested, DecayPolicy decay) {
        List<TreeSet<Integer>> devices = new ArrayList<>();
        List<TreeSet<Integer>> dayparts = new ArrayList<>();
        ContextCode.DEVICES.forEach(d -> devices.add(new TreeSet<>()));
        ContextCode.DAYPARTS.forEach(d -> dayparts.add(new TreeSet<>()));
        boolean any = false;
        for (int k = 0; k < h.size(); k++) {
            byte code = h.context(k);
            int i = h.item(k);
            if (code == ContextCode.NONE || !eligible(i, h, k, prefs, notMe, notInterested, decay)) {
                continue;
            }
            ContextCode.device(code).ifPresent(d -> devices.get(d).add(i));
            ContextCode.daypart(code).ifPresent(p -> dayparts.get(p).add(i));
            any = true;
        }
        if (any) {
            context.addSubject(toArrays(devices), toArrays(dayparts));
        }
    }

    private static int[][] toArrays(List<TreeSet<Integer>> sets) {
        int[][] out = new int[sets.size()][];
        for (int v = 0; v < out.length; v++) {
            out[v] = sets.get(v).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private boolean eligible(int i, History h, int k, Preferences prefs, Set<Integer> notMe, Set<Integer> notInterested,
                             DecayPolicy decay) {
        if (notMe.contains(i) || notInterested.contains(i) || i >= catalog.size()) {
            return false;
        }
        if (catalog.isSensitive(i) && !catalog.sensitivity().mayInferFrom(catalog.item(i), prefs)) {
            return false;
        }
        return decay.kind(h.kind(k)).baseWeight(h.value(k)) > 0;
    }

    private int[] eligibleItems(History h, Preferences prefs, Set<Integer> notMe, Set<Integer> notInterested, DecayPolicy decay) {
        TreeSet<Integer> items = new TreeSet<>();
        for (int k = 0; k < h.size(); k++) {
            if (eligible(h.item(k), h, k, prefs, notMe, notInterested, decay)) {
                items.add(h.item(k));
            }
        }
        return items.stream().mapToInt(Integer::intValue).toArray();
    }
}
