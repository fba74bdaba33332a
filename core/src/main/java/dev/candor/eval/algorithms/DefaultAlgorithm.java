package dev.candor.eval.algorithms;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.engine.EngineConfig;
import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.model.ConsentState;
import dev.candor.model.Item;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.profile.DecayPolicy;
import dev.candor.profile.History;
import dev.candor.recommend.CandidateSource;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.recommend.PersonalizationPolicy;
import dev.candor.recommend.ScoredItem;
import dev.candor.recommend.SourceQuery;
import dev.candor.recommend.UserState;
import dev.candor.recommend.WeightedHistory;
import dev.candor.recommend.blend.LinearBlend;
import dev.candor.recommend.blend.SourceResult;
import dev.candor.recommend.source.ContentSource;
import dev.candor.recommend.source.EaseModel;
import dev.candor.recommend.source.EaseSource;
import dev.candor.recommend.source.IalsModel;
import dev.candor.recommend.source.IalsSource;
import dev.candor.recommend.source.PopularSource;
import dev.candor.recommend.source.PopularityModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code candor serve} recommends with at level {@code full}: the serving sources themselves —
 * EASE, iALS, content, popular — over models fitted on the fold's training users with the settings
 * of an {@link EngineConfig.Collaborative}, blended by {@link LinearBlend} with that configuration's
 * full-level weights (the policy's {@link PersonalizationPolicy#FULL_WEIGHTS} by default). Community,
 * context and category sources need consents and request data an offline set does not have, so they
 * add nothing here, as for a user who has not granted them. Items below the blend's candidates score 0.
 */
public final class DefaultAlgorithm implements Algorithm {
    /** Candidates asked of each source per user: enough for NDCG@100 after the fold-in is excluded. */
    static final int CANDIDATES = 300;
    private final EngineConfig.Collaborative cf;
    private final boolean withFoldIn;

    /** Plain EASE with λ {@code easeLambda}, iALS with {@code ials}, the policy's {@code FULL_WEIGHTS}. */
    public DefaultAlgorithm(double easeLambda, IalsModel.Params ials) {
        this(EngineConfig.Collaborative.defaults().with(easeLambda, 0, ials, PersonalizationPolicy.FULL_WEIGHTS), false);
    }

    /** As {@link #DefaultAlgorithm(double, IalsModel.Params)}; see {@link #DefaultAlgorithm(EngineConfig.Collaborative, boolean)}. */
    public DefaultAlgorithm(double easeLambda, IalsModel.Params ials, boolean withFoldIn) {
        this(EngineConfig.Collaborative.defaults().with(easeLambda, 0, ials, PersonalizationPolicy.FULL_WEIGHTS), withFoldIn);
    }

    /** What {@code candor serve} recommends with these collaborative settings. */
    public DefaultAlgorithm(EngineConfig.Collaborative cf) {
        this(cf, false);
    }

    /**
     * @param withFoldIn also train on the held-out users' fold-in (never their targets), as the peers
     *                   must and as serving does (its models are trained on every consenting user,
     *                   the requesting one included): the like-for-like comparison with the peers
     */
    public DefaultAlgorithm(EngineConfig.Collaborative cf, boolean withFoldIn) {
        this.cf = cf;
        this.withFoldIn = withFoldIn;
    }

    @Override
    public String name() {
        return withFoldIn ? "default-foldin" : "default";
    }

    /** {@return the collaborative settings this blend serves with} */
    public EngineConfig.Collaborative settings() {
        return cf;
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ease.lambda", cf.easeLambda());
        m.put("ease.dropout", cf.easeDropout());
        m.put("ease.neighbours", cf.easeNeighbours());
        m.put("ials.factors", cf.ials().factors());
        m.put("ials.iterations", cf.ials().iterations());
        m.put("ials.alpha", cf.ials().alpha());
        m.put("ials.lambda", cf.ials().lambda());
        m.put("ials.nu", cf.ials().nu());
        m.put("weights", new java.util.TreeMap<>(cf.fullWeights()));
        return m;
    }

    /** {@return the training rows followed by the held-out users' fold-in rows} */
    static InteractionMatrix withFoldIn(FoldData data) {
        InteractionMatrix t = data.train();
        InteractionMatrix f = data.foldIn();
        InteractionMatrix.Builder b = InteractionMatrix.builder(t.numUsers() + f.numUsers(), t.numItems());
        for (int u = 0; u < t.numUsers(); u++) {
            for (int i : t.items(u)) {
                b.add(u, i, 1f);
            }
        }
        for (int u = 0; u < f.numUsers(); u++) {
            for (int i : f.items(u)) {
                b.add(t.numUsers() + u, i, 1f);
            }
        }
        return b.build();
    }

    /**
     * The serving sources fitted on one fold, answering for held-out users: what the blend combines,
     * before any weight is applied. Thread-safe.
     */
    public static final class Sources {
        private final List<CandidateSource> sources;
        private final InteractionMatrix foldIn;
        private final PersonalizationPolicy policy;
        private final int items;

        private Sources(List<CandidateSource> sources, InteractionMatrix foldIn, PersonalizationPolicy policy, int items) {
            this.sources = sources;
            this.foldIn = foldIn;
            this.policy = policy;
            this.items = items;
        }

        /** {@return the number of items (columns) of the fold} */
        public int numItems() {
            return items;
        }

        /**
         * {@return for held-out user {@code user}, each source's candidates with the weight the policy
         * gives it} — what {@code candor serve} would blend for a subject with this history
         */
        public List<SourceResult> results(int user) {
            int[] h = foldIn.items(user);
            double[] w = new double[h.length];
            byte[] kinds = new byte[h.length];
            java.util.Arrays.fill(w, 1.0);
            java.util.Arrays.fill(kinds, VIEW);
            WeightedHistory evidence = WeightedHistory.of(h, w, kinds);
            UserState state = new UserState(SUBJECT, CONSENT, Preferences.NONE, History.EMPTY, Set.of(), Set.of(), Instant.EPOCH);
            SourceQuery query = new SourceQuery(state, evidence, PersonalizationLevel.FULL, i -> true, Optional.empty());
            var decision = policy.decide(state, PersonalizationLevel.FULL, evidence);
            List<SourceResult> results = new ArrayList<>();
            for (var s : sources) {
                Double weight = decision.weights().get(s.name());
                if (weight != null) {
                    results.add(new SourceResult(s.name(), weight, s.candidates(query, CANDIDATES)));
                }
            }
            return results;
        }
    }

    private static final SubjectId SUBJECT = SubjectId.of(HexFormat.of().formatHex(new byte[32]));
    private static final ConsentState CONSENT = new ConsentState(EnumSet.of(Purpose.PERSONALIZATION, Purpose.BEHAVIORAL), true, Instant.EPOCH);
    private static final byte VIEW = DecayPolicy.defaults().code(dev.candor.model.EventType.VIEW).orElseThrow();

    /** Fits the serving sources of {@code cf} on {@code data}'s training rows (and its fold-in rows if {@code withFoldIn}). */
    public static Sources sources(FoldData data, EngineConfig.Collaborative cf, boolean withFoldIn) {
        InteractionMatrix train = withFoldIn ? withFoldIn(data) : data.train();
        int n = train.numItems();
        Catalog catalog = new Catalog(new SensitivityPolicy(Set.of()));
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(Item.of(data.items().ids().get(i), data.items().titles().get(i), data.items().categories().get(i)));
        }
        catalog.putAll(items); // catalog indexes follow insertion order: column i is catalog item i
        EaseModel ease = EaseModel.fit(train, cf.easeLambda(), cf.easeDropout(), cf.easeNeighbours());
        IalsModel factors = IalsModel.train(train, cf.ials());
        int[] counts = new int[n];
        for (int c : data.train().colIndex()) {
            counts[c]++;
        }
        PopularityModel popularity = new PopularityModel(counts);
        DecayPolicy decay = DecayPolicy.defaults();
        List<CandidateSource> sources = List.of(new EaseSource(() -> ease, catalog, decay), new IalsSource(() -> factors, catalog, decay),
                new ContentSource(catalog, () -> popularity), new PopularSource(() -> popularity));
        return new Sources(sources, data.foldIn(), new PersonalizationPolicy(cf.fullWeights()), n);
    }

    @Override
    public Fitted fit(FoldData data) {
        Sources sources = sources(data, cf, withFoldIn);
        return (user, out) -> {
            for (ScoredItem s : LinearBlend.blend(sources.results(user))) {
                out[s.item()] = (float) s.score();
            }
        };
    }
}
