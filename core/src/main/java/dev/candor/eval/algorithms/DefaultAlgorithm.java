package dev.candor.eval.algorithms;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.model.ConsentState;
import dev.candor.model.Item;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.profile.DecayPolicy;
import dev.candor.profile.History;
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
 * EASE, iALS, content, popular — over models fitted on the fold's training users, blended by
 * {@link LinearBlend} with {@link PersonalizationPolicy#FULL_WEIGHTS}. Community, context and
 * category sources need consents and request data an offline set does not have, so they add nothing
 * here, as for a user who has not granted them. Items below the blend's candidates score 0.
 */
public final class DefaultAlgorithm implements Algorithm {
    /** Candidates asked of each source per user: enough for NDCG@100 after the fold-in is excluded. */
    static final int CANDIDATES = 300;
    private final double easeLambda;
    private final IalsModel.Params ials;
    private final boolean withFoldIn;

    public DefaultAlgorithm(double easeLambda, IalsModel.Params ials) {
        this(easeLambda, ials, false);
    }

    /**
     * @param withFoldIn also train on the held-out users' fold-in (never their targets), as the peers
     *                   must and as serving does (its models are trained on every consenting user,
     *                   the requesting one included): the like-for-like comparison with the peers
     */
    public DefaultAlgorithm(double easeLambda, IalsModel.Params ials, boolean withFoldIn) {
        this.easeLambda = easeLambda;
        this.ials = ials;
        this.withFoldIn = withFoldIn;
    }

    @Override
    public String name() {
        return withFoldIn ? "default-foldin" : "default";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ease.lambda", easeLambda);
        m.put("ials.factors", ials.factors());
        m.put("ials.iterations", ials.iterations());
        m.put("ials.alpha", ials.alpha());
        m.put("ials.lambda", ials.lambda());
        m.put("weights", new java.util.TreeMap<>(PersonalizationPolicy.FULL_WEIGHTS));
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

    @Override
    public Fitted fit(FoldData data) {
        InteractionMatrix train = withFoldIn ? withFoldIn(data) : data.train();
        int n = train.numItems();
        Catalog catalog = new Catalog(new SensitivityPolicy(Set.of()));
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(Item.of(data.items().ids().get(i), data.items().titles().get(i), data.items().categories().get(i)));
        }
        catalog.putAll(items); // catalog indexes follow insertion order: column i is catalog item i
        EaseModel ease = EaseModel.fit(train, easeLambda);
        IalsModel factors = IalsModel.train(train, ials);
        int[] counts = new int[n];
        for (int c : data.train().colIndex()) {
            counts[c]++;
        }
        PopularityModel popularity = new PopularityModel(counts);
        DecayPolicy decay = DecayPolicy.defaults();
        var sources = List.of(new EaseSource(() -> ease, catalog, decay), new IalsSource(() -> factors, catalog, decay),
                new ContentSource(catalog, () -> popularity), new PopularSource(() -> popularity));
        PersonalizationPolicy policy = new PersonalizationPolicy();
        InteractionMatrix foldIn = data.foldIn();
        SubjectId subject = SubjectId.of(HexFormat.of().formatHex(new byte[32]));
        ConsentState consent = new ConsentState(EnumSet.of(Purpose.PERSONALIZATION, Purpose.BEHAVIORAL), true, Instant.EPOCH);
        byte view = decay.code(dev.candor.model.EventType.VIEW).orElseThrow();
        return (user, out) -> {
            int[] h = foldIn.items(user);
            double[] w = new double[h.length];
            byte[] kinds = new byte[h.length];
            java.util.Arrays.fill(w, 1.0);
            java.util.Arrays.fill(kinds, view);
            WeightedHistory evidence = WeightedHistory.of(h, w, kinds);
            UserState state = new UserState(subject, consent, Preferences.NONE, History.EMPTY, Set.of(), Set.of(), Instant.EPOCH);
            SourceQuery query = new SourceQuery(state, evidence, PersonalizationLevel.FULL, i -> true, Optional.empty());
            var decision = policy.decide(state, PersonalizationLevel.FULL, evidence);
            List<SourceResult> results = new ArrayList<>();
            for (var s : sources) {
                Double weight = decision.weights().get(s.name());
                if (weight != null) {
                    results.add(new SourceResult(s.name(), weight, s.candidates(query, CANDIDATES)));
                }
            }
            for (ScoredItem s : LinearBlend.blend(results)) {
                out[s.item()] = (float) s.score();
            }
        };
    }
}
