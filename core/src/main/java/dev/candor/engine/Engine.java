package dev.candor.engine;

import dev.candor.audit.AuditLog;
import dev.candor.consent.ConsentService;
import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.ingest.IngestPipeline;
import dev.candor.ingest.IngestReport;
import dev.candor.ingest.RawEvent;
import dev.candor.model.ConsentChange;
import dev.candor.model.ConsentState;
import dev.candor.model.Event;
import dev.candor.model.EventType;
import dev.candor.model.Feedback;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.privacy.Pseudonymizer;
import dev.candor.profile.FeedbackService;
import dev.candor.privacy.ErasureReceipt;
import dev.candor.privacy.FieldCipher;
import dev.candor.profile.History;
import dev.candor.profile.Interest;
import dev.candor.profile.IntentClassifier;
import dev.candor.profile.SessionIntent;
import dev.candor.profile.InteractionIndex;
import dev.candor.profile.PreferenceService;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.recommend.PersonalizationPolicy;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.recommend.Recommendations;
import dev.candor.recommend.Recommender;
import dev.candor.recommend.ScoredItem;
import dev.candor.recommend.SourceQuery;
import dev.candor.recommend.UserState;
import dev.candor.recommend.WeightedHistory;
import dev.candor.recommend.edge.EdgeModel;
import dev.candor.recommend.source.CategorySource;
import dev.candor.recommend.source.CommunitySource;
import dev.candor.recommend.source.ContentSource;
import dev.candor.recommend.source.ContextSource;
import dev.candor.recommend.source.EaseSource;
import dev.candor.recommend.source.IalsSource;
import dev.candor.recommend.source.ItemKnnModel;
import dev.candor.recommend.source.ItemKnnSource;
import dev.candor.recommend.source.PopularSource;
import dev.candor.store.Page;
import dev.candor.store.Storage;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Candor as a library: one object that ingests, remembers consent and preferences, trains and
 * recommends with reasons. Built with {@link #builder()}; the server and CLI are thin transports
 * over it.
 *
 * <p>Thread-safe. Every method that accepts data returns after it is durable in the
 * {@link Storage}; infrastructure failures propagate as {@code StoreUnavailableException}
 * (nothing was changed). Methods take {@link SubjectId}s: transports pseudonymize raw user ids
 * with {@link #pseudonymizer()} at the edge and pass raw ids nowhere else.
 */
public final class Engine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    private final Storage storage;
    private final Pseudonymizer pseudonymizer;
    private final EngineConfig config;
    private final InstantSource clock;
    private final Catalog catalog;
    private final ConsentService consents;
    private final PreferenceService preferences;
    private final FeedbackService feedback;
    private final InteractionIndex index = new InteractionIndex();
    private final IngestPipeline ingest;
    private final ModelTrainer trainer;
    private final Recommender recommender;
    private final CommunitySource community;
    private final EngineMetrics metrics = new EngineMetrics();
    private final IntentClassifier intents = new IntentClassifier();
    private final AuditLog audit;
    private final FieldCipher cipher;
    private DpAnalytics analytics;
    private final DpCommunity dpCommunity;
    private final dev.candor.experiment.ExperimentService experiments;
    private final Monitoring monitoring;
    private volatile List<dev.candor.model.CuratedCollection> collections;
    private final Object collectionsLock = new Object();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService scheduler;
    private volatile TrainedModels models = TrainedModels.EMPTY;
    /** Held while training; separate from the engine's monitor so erasures can delete while a refit runs. */
    private final Object trainLock = new Object();
    private final RefitCoalescer refits = new RefitCoalescer(() -> retrain("system"));
    /**
     * Ingest holds it shared from its consent check until its rows are committed and indexed;
     * erasure's deletions hold it exclusively. So a batch that checked consent before an erasure
     * is either committed before the erasure deletes, or sees the erased subject's empty consent.
     */
    private final java.util.concurrent.locks.ReadWriteLock subjectGate = new java.util.concurrent.locks.ReentrantReadWriteLock();

    private Engine(Builder b) {
        this.storage = Objects.requireNonNull(b.storage, "storage");
        this.pseudonymizer = Objects.requireNonNull(b.pseudonymizer, "pseudonymizer");
        this.config = b.config;
        this.clock = b.clock;
        this.catalog = new Catalog(config.sensitivity());
        this.audit = b.auditKey == null ? new AuditLog(storage.audit(), clock) : new AuditLog(storage.audit(), clock, b.auditKey);
        loadCatalog();
        this.consents = new ConsentService(storage.consents(), clock, config.posture().consentDefault());
        this.collections = storage.collections().list();
        this.experiments = new dev.candor.experiment.ExperimentService(storage.experiments(), storage.exposures(), clock,
                dev.candor.experiment.ExperimentService.DEFAULT_ATTRIBUTION_WINDOW);
        experiments.refresh();
        this.preferences = new PreferenceService(storage.preferences());
        this.feedback = new FeedbackService(storage.feedback(), preferences, clock,
                id -> catalog.indexOf(id).orElse(-1));
        loadIndex();
        this.ingest = new IngestPipeline(pseudonymizer, consents, catalog, config.decay(), storage.events(), index, clock,
                (events, report) -> {
                    metrics.eventsAccepted.add(report.accepted());
                    metrics.eventsRejected.add(report.errors().size());
                    report.dropped().forEach((reason, n) -> metrics.eventsDropped.get(reason).add(n));
                    if (!events.isEmpty()) {
                        dirty.set(true);
                    }
                });
        this.cipher = b.masterKey == null ? null : new FieldCipher(b.masterKey, storage.subjectKeys());
        if (cipher != null) {
            ingest.encryptTextWith(cipher);
        }
        consents.onChange(s -> {
            metrics.consentChanges.increment();
            dirty.set(true);
        });
        this.dpCommunity = b.communityPrivacy == null ? null
                : new DpCommunity(b.communityPrivacy, storage.privacyBudget(), b.communityNoise);
        this.trainer = new ModelTrainer(index, consents, preferences, feedback, catalog, config, dpCommunity);
        this.community = new CommunitySource(() -> models.segments(), catalog);
        this.recommender = new Recommender(catalog, new PersonalizationPolicy(config.cf().fullWeights()), List.of(
                new EaseSource(() -> models.ease(), catalog, config.decay()),
                new IalsSource(() -> models.ials(), catalog, config.decay()),
                new ItemKnnSource(() -> models.knn(), catalog, config.decay()),
                new ContentSource(catalog, () -> models.popularity()),
                new PopularSource(() -> models.popularity()),
                new CategorySource(catalog, () -> models.popularity()),
                new ContextSource(() -> models.context()),
                new dev.candor.recommend.source.CuratedSource(() -> collections, catalog),
                community), List.of());
        this.monitoring = new Monitoring(storage.monitor(), metrics, consents, clock);
        retrain();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "candor-trainer");
            t.setDaemon(true);
            return t;
        });
        sweepRetention();
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.HOURS);
        scheduler.scheduleWithFixedDelay(monitoring::flush, 1, 1, TimeUnit.MINUTES);
        if (!config.retrainInterval().isZero()) {
            long ms = config.retrainInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::retrainIfDirty, ms, ms, TimeUnit.MILLISECONDS);
        }
        LOG.log(System.Logger.Level.INFO, "engine started on {0}: {1} items, {2} events of {3} subjects",
                storage.description(), catalog.size(), index.events(), index.subjects());
    }

    public static Builder builder() {
        return new Builder();
    }

    private void loadCatalog() {
        List<Item> chunk = new ArrayList<>(1024);
        storage.items().forEach(item -> {
            chunk.add(item);
            if (chunk.size() == 1024) {
                catalog.putAll(chunk);
                chunk.clear();
            }
        });
        catalog.putAll(chunk);
    }

    private void loadIndex() {
        long[] skipped = new long[1];
        storage.events().forEach(e -> {
            OptionalInt item = catalog.indexOf(e.item());
            Optional<Byte> kind = config.decay().code(e.type());
            if (item.isEmpty() || kind.isEmpty()) {
                skipped[0]++;
                return;
            }
            index.add(e.subject(), e.id(), item.getAsInt(), kind.get(), (float) e.value(), e.timestamp().toEpochMilli(),
                    IngestPipeline.sessionKey(e.session()), dev.candor.profile.ContextCode.encode(e.context()));
        });
        if (skipped[0] > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0} stored events name items or event types no longer configured; they are kept but not used", skipped[0]);
        }
    }

    // ---- catalog

    /** Stores the items (durably), then makes them recommendable. */
    public void putItems(List<Item> items) {
        storage.items().putAll(items);
        catalog.putAll(items);
        dirty.set(true);
    }

    public Optional<Item> item(ItemId id) {
        return storage.items().get(id);
    }

    public Page<Item, ItemId> listItems(int limit, Optional<ItemId> after) {
        return storage.items().list(limit, after);
    }

    /** Deletes an item from the catalog; events that name it are kept but it is never recommended. */
    public boolean deleteItem(ItemId id) {
        boolean deleted = storage.items().delete(id);
        catalog.remove(id);
        dirty.set(true);
        return deleted;
    }

    public Catalog catalog() {
        return catalog;
    }

    // ---- consent, preferences, feedback

    public ConsentState consent(SubjectId subject) {
        return consents.current(subject);
    }

    /**
     * Records a consent change (durably); the trust monitor counts it, and experiments count an
     * opt-out for a participant who withdrew a purpose.
     */
    public ConsentState recordConsent(SubjectId subject, Map<Purpose, Boolean> changes, String source) {
        ConsentState before;
        ConsentState after;
        synchronized (consents) { // before and after of one change, even with concurrent changes
            before = consents.current(subject);
            after = consents.record(subject, changes, source);
        }
        monitoring.consentChanged(clock.instant(), before, after);
        experiments.recordConsentChange(subject, before, after);
        return after;
    }

    public List<ConsentChange> consentHistory(SubjectId subject) {
        return consents.history(subject);
    }

    public Preferences preferences(SubjectId subject) {
        return preferences.get(subject);
    }

    /** Replaces the subject's stated preferences; in experiments, a profile correction. */
    public void putPreferences(SubjectId subject, Preferences prefs) {
        preferences.put(subject, prefs);
        dirty.set(true);
        correction(subject);
    }

    /**
     * Records feedback on an item of the catalog; it acts on the next request.
     *
     * @throws IllegalArgumentException when the item is unknown
     */
    public Feedback feedback(SubjectId subject, ItemId item, FeedbackSignal signal, Optional<String> requestId) {
        if (catalog.indexOf(item).isEmpty()) {
            throw new IllegalArgumentException("item is not in the catalog");
        }
        Feedback f = feedback.record(subject, item, signal, requestId);
        metrics.feedback.get(signal).increment();
        if (consents.current(subject).allows(Purpose.EXPERIMENTS)) {
            experiments.recordFeedback(f);
        }
        dirty.set(true);
        return f;
    }

    // ---- events

    /**
     * Ingests a batch (see {@link IngestPipeline}); then credits clicks and purchases that name a
     * recommendation's request id to that response in experiments: only valid rows, only to the
     * same subject's impression, only while the subject grants the {@code experiments} purpose —
     * whether or not the event itself was kept (that needs the behavioural purposes).
     */
    public IngestReport ingest(List<RawEvent> batch) {
        var shared = subjectGate.readLock();
        shared.lock();
        try {
            IngestReport report = ingest.ingest(batch);
            creditOutcomes(batch, report);
            return report;
        } finally {
            shared.unlock();
        }
    }

    private void creditOutcomes(List<RawEvent> batch, IngestReport report) {
        Set<Integer> invalid = new java.util.HashSet<>();
        report.errors().forEach(e -> invalid.add(e.index()));
        Instant now = clock.instant();
        List<dev.candor.experiment.ExperimentService.SubjectCredit> credits = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            RawEvent raw = batch.get(i);
            boolean click = EventType.CLICK.name().equals(raw.type());
            boolean conversion = EventType.PURCHASE.name().equals(raw.type());
            if (raw.requestId().isEmpty() || invalid.contains(i) || !click && !conversion) {
                continue;
            }
            SubjectId s = pseudonymizer.subject(raw.user());
            if (!consents.current(s).allows(Purpose.EXPERIMENTS)) {
                continue;
            }
            Instant at = raw.timestamp().orElse(now);
            dev.candor.experiment.Outcome o = click ? new dev.candor.experiment.Outcome.Click(at)
                    : new dev.candor.experiment.Outcome.Conversion(at,
                    raw.revenue().isPresent() ? Optional.of(raw.revenue().getAsDouble()) : Optional.empty(), Optional.of(raw.item()));
            credits.add(new dev.candor.experiment.ExperimentService.SubjectCredit(raw.requestId().get(), s, o));
        }
        experiments.recordCredits(credits);
    }

    public List<Event> events(SubjectId subject) {
        return storage.events().forSubject(subject);
    }

    // ---- recommend

    public Recommendations recommend(RecommendationRequest request) {
        Instant now = clock.instant();
        SubjectId s = request.subject();
        UserState base = new UserState(s, consents.current(s), preferences.get(s), History.EMPTY,
                feedback.notInterested(s), feedback.notMe(s), now);
        dev.candor.experiment.Assignment arm = experiments.assign(request.surface(), s, base.consent());
        dev.candor.recommend.Treatment treatment = treatment(arm);
        PersonalizationLevel level = treatment.level(recommender.policy().allowedLevel(base));
        UserState user = base;
        WeightedHistory evidence = WeightedHistory.EMPTY;
        if (level == PersonalizationLevel.FULL) {
            user = new UserState(s, base.consent(), base.preferences(), index.history(s), base.notInterested(),
                    base.notMe(), now);
            evidence = WeightedHistory.of(user, catalog, config.decay());
        }
        Optional<SessionIntent> intent = level == PersonalizationLevel.FULL
                ? Optional.of(intents.classify(sessionSteps(user, request.session(), now)))
                : Optional.empty();
        Recommendations r = recommender.recommend(request, user, level, evidence, intent, treatment);
        if (experiments.recordImpression(r.requestId(), s, arm) && arm instanceof dev.candor.experiment.Assignment.Enrolled e) {
            r = r.withArm(new Recommendations.Arm(e.experiment().value(), e.variant().name()));
        }
        count(r);
        return r;
    }

    /** Counts a profile correction in the subject's experiments, while they take part (grant experiments). */
    private void correction(SubjectId subject) {
        if (consents.current(subject).allows(Purpose.EXPERIMENTS)) {
            experiments.recordCorrection(subject);
        }
    }

    private static dev.candor.recommend.Treatment treatment(dev.candor.experiment.Assignment a) {
        return a instanceof dev.candor.experiment.Assignment.Enrolled e
                ? new dev.candor.recommend.Treatment(e.variant().strategy(), e.variant().collections())
                : dev.candor.recommend.Treatment.NONE;
    }

    /** How far back events without a session count as the current session, when the request names none. */
    public static final java.time.Duration IMPLICIT_SESSION = java.time.Duration.ofMinutes(30);

    /**
     * The steps of the request's session: its events, or without a session id the last 30 minutes'.
     * Like all inference, intent ignores "not me" and "not interested" items and sensitive items the
     * subject did not opt in, so such a view changes nothing else.
     */
    private List<IntentClassifier.Step> sessionSteps(UserState user, Optional<String> session, Instant now) {
        History h = user.history();
        long key = IngestPipeline.sessionKey(session);
        long since = now.minus(IMPLICIT_SESSION).toEpochMilli();
        List<IntentClassifier.Step> steps = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            boolean inSession = key != 0 ? h.session(k) == key : h.timeMillis(k) >= since;
            int i = h.item(k);
            if (inSession && i < catalog.size() && !user.notMe().contains(i) && !user.notInterested().contains(i)
                    && (!catalog.isSensitive(i) || catalog.sensitivity().mayInferFrom(catalog.item(i), user.preferences()))) {
                Item item = catalog.item(i);
                steps.add(new IntentClassifier.Step(item.id().value(), config.decay().kind(h.kind(k)).type().name(), item.categories()));
            }
        }
        return steps;
    }

    /**
     * Recommends for an anonymous session from the events the client sends with the request: nothing
     * is stored, no subject is read or created. Unknown items and event types are ignored.
     *
     * @param events the session's events, oldest first (item id, event type)
     */
    public Recommendations recommendSession(List<Map.Entry<ItemId, EventType>> events, int n, Optional<String> category) {
        List<Integer> items = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Byte> kinds = new ArrayList<>();
        List<IntentClassifier.Step> steps = new ArrayList<>();
        for (Map.Entry<ItemId, EventType> e : events) {
            OptionalInt i = catalog.indexOf(e.getKey());
            Optional<Byte> kind = config.decay().code(e.getValue());
            if (i.isEmpty() || kind.isEmpty()
                    || catalog.isSensitive(i.getAsInt()) && !catalog.sensitivity().mayInferFrom(catalog.item(i.getAsInt()), Preferences.NONE)) {
                continue; // unknown, or sensitive: never inferred from behaviour without an opt-in
            }
            Item item = catalog.item(i.getAsInt());
            steps.add(new IntentClassifier.Step(item.id().value(), e.getValue().name(), item.categories()));
            int at = items.indexOf(i.getAsInt());
            double w = config.decay().kind(kind.get()).baseWeight(1.0);
            if (at >= 0) {
                weights.set(at, weights.get(at) + w);
            } else {
                items.add(i.getAsInt());
                weights.add(w);
                kinds.add(kind.get());
            }
        }
        int[] itemArr = items.stream().mapToInt(Integer::intValue).toArray();
        double[] weightArr = weights.stream().mapToDouble(Double::doubleValue).toArray();
        byte[] kindArr = new byte[kinds.size()];
        for (int k = 0; k < kindArr.length; k++) {
            kindArr[k] = kinds.get(k);
        }
        WeightedHistory evidence = WeightedHistory.of(itemArr, weightArr, kindArr);
        Instant now = clock.instant();
        UserState anonymous = new UserState(ANONYMOUS, ConsentState.DEFAULT, Preferences.NONE, History.EMPTY, Set.of(), Set.of(), now);
        RecommendationRequest request = new RecommendationRequest(ANONYMOUS, n, category, Optional.empty(), Optional.empty(),
                dev.candor.model.Context.NONE);
        Recommendations r = recommender.recommend(request, anonymous, PersonalizationLevel.SESSION, evidence,
                Optional.of(intents.classify(steps)));
        count(r);
        return r;
    }

    /** The placeholder subject of anonymous sessions; never stored. */
    private static final SubjectId ANONYMOUS = SubjectId.of("0".repeat(64));

    private void count(Recommendations r) {
        metrics.recommendations.get(r.level()).increment();
        metrics.itemsServed.add(r.items().size());
        // with explanations switched off the reasons are not shown, so no served item counts as explained
        metrics.itemsExplained.add(config.posture().explanations() ? r.items().stream().filter(i -> !i.reasons().isEmpty()).count() : 0);
        List<String> ids = new ArrayList<>(r.items().size());
        for (ScoredItem i : r.items()) {
            ids.add(catalog.item(i.item()).id().value());
        }
        monitoring.served(clock.instant(), ids);
    }

    private volatile Object[] edge = {null, null}; // {models it was built from, edge model}

    /**
     * {@return the on-device item model for the current models} (top {@value EdgeModel#DEFAULT_NEIGHBOURS}
     * neighbours per recommendable, non-sensitive item, 8-bit similarities), rebuilt when the models change
     */
    public EdgeModel edgeModel() {
        Object[] e = edge;
        TrainedModels m = models;
        if (e[0] != m) {
            e = new Object[] {m, EdgeModel.of(m.knn(), catalog, EdgeModel.DEFAULT_NEIGHBOURS, m.trainedAt())};
            edge = e;
        }
        return (EdgeModel) e[1];
    }

    /**
     * {@return the server-side reference of on-device recommendations}: item-kNN over the edge model
     * for a history the client sends, scored by the production item-kNN source. Nothing is stored and
     * no subject is read or created.
     */
    public List<ScoredItem> recommendEdge(List<EdgeModel.Event> events, int n) {
        EdgeModel model = edgeModel();
        List<ScoredItem> out = new ArrayList<>();
        for (dev.candor.recommend.Candidate c : model.recommend(events, n, catalog, config.decay())) {
            out.add(new ScoredItem(c.item(), List.of(c.reason())));
        }
        return out;
    }

    /**
     * {@return items often liked together with {@code item}, best first, each explained}; empty when
     * the item is unknown. Non-personal. Sensitive items appear only next to an item of the same
     * sensitive category.
     */
    public Optional<List<ScoredItem>> similar(ItemId item, int n) {
        OptionalInt anchor = catalog.indexOf(item);
        if (anchor.isEmpty()) {
            return Optional.empty();
        }
        int a = anchor.getAsInt();
        Item anchorItem = catalog.item(a);
        ItemKnnModel knn = models.knn();
        int[] nb = knn.neighbours(a);
        float[] sim = knn.similarities(a);
        List<ScoredItem> out = new ArrayList<>();
        for (int t = 0; t < nb.length; t++) {
            int j = nb[t];
            if (!catalog.isRecommendable(j) || sim[t] <= 0) {
                continue;
            }
            if (catalog.isSensitive(j) && !sharesSensitiveCategory(anchorItem, catalog.item(j))) {
                continue;
            }
            out.add(new ScoredItem(j, List.of(new Reason.OftenTogether(List.of(new Evidence(Evidence.Kind.ITEM,
                    anchorItem.id().value(), anchorItem.title(), "liked", sim[t]))))));
        }
        out.sort((x, y) -> x.score() != y.score() ? Double.compare(y.score(), x.score()) : Integer.compare(x.item(), y.item()));
        return Optional.of(out.subList(0, Math.min(n, out.size())));
    }

    private boolean sharesSensitiveCategory(Item anchor, Item other) {
        for (String c : other.categories()) {
            if (catalog.sensitivity().isSensitiveCategory(c)
                    && anchor.categories().stream().anyMatch(c::equalsIgnoreCase)) {
                return true;
            }
        }
        return false;
    }

    // ---- rights: profile, corrections, erasure

    /**
     * {@return what the engine infers about the subject's interests now, each with the events it rests
     * on} Read for the subject's own view, whatever their consent: it shows what is held. Categories
     * the subject removed are not inferred; sensitive items count only when opted in.
     */
    public List<Interest> interests(SubjectId subject) {
        Instant now = clock.instant();
        Preferences prefs = preferences.get(subject);
        UserState user = new UserState(subject, consents.current(subject), prefs, index.history(subject),
                feedback.notInterested(subject), feedback.notMe(subject), now);
        History h = user.history();
        Map<String, Double> weights = new java.util.TreeMap<>();
        Map<String, List<Interest.Evidence>> evidence = new java.util.HashMap<>();
        double total = 0;
        for (int k = 0; k < h.size(); k++) {
            int i = h.item(k);
            if (i >= catalog.size() || user.notMe().contains(i) || user.notInterested().contains(i)
                    || catalog.isSensitive(i) && !catalog.sensitivity().mayInferFrom(catalog.item(i), prefs)) {
                continue;
            }
            double w = config.decay().weight(h.kind(k), h.value(k), now.toEpochMilli() - h.timeMillis(k));
            if (!(w > 0)) {
                continue;
            }
            Item item = catalog.item(i);
            boolean counted = false;
            for (String c : item.categories()) {
                String lc = c.toLowerCase(java.util.Locale.ROOT);
                if (prefs.hiddenInterests().contains(lc)) {
                    continue;
                }
                counted = true;
                weights.merge(lc, w, Double::sum);
                evidence.computeIfAbsent(lc, x -> new ArrayList<>()).add(new Interest.Evidence(h.eventId(k), item.id().value(),
                        item.title(), config.decay().kind(h.kind(k)).type().name(), Instant.ofEpochMilli(h.timeMillis(k)), w));
            }
            if (counted) {
                total += w;
            }
        }
        List<Interest> out = new ArrayList<>();
        for (String c : prefs.likedCategories()) {
            if (!weights.containsKey(c)) {
                out.add(new Interest(c, 0, true, List.of()));
            }
        }
        double sum = total;
        weights.forEach((c, w) -> {
            List<Interest.Evidence> ev = evidence.get(c);
            ev.sort((a, b) -> Double.compare(b.weightNow(), a.weightNow()));
            out.add(new Interest(c, w / sum, prefs.likedCategories().contains(c), ev.subList(0, Math.min(Interest.MAX_EVIDENCE, ev.size()))));
        });
        out.sort((a, b) -> a.share() != b.share() ? Double.compare(b.share(), a.share()) : a.category().compareTo(b.category()));
        return out;
    }

    /** {@return the community segments the subject counts in and is shown signals from (empty without the community purpose)} */
    public List<String> segments(SubjectId subject) {
        Instant now = clock.instant();
        UserState user = new UserState(subject, consents.current(subject), preferences.get(subject), index.history(subject),
                feedback.notInterested(subject), feedback.notMe(subject), now);
        if (recommender.policy().allowedLevel(user) != PersonalizationLevel.FULL) {
            return List.of();
        }
        WeightedHistory evidence = WeightedHistory.of(user, catalog, config.decay());
        SourceQuery query = new SourceQuery(user, evidence, PersonalizationLevel.FULL, i -> true, Optional.empty());
        return community.segmentOf(query).map(s -> "people who mostly like " + s).stream().toList();
    }

    /**
     * Removes an inferred interest: the category is never inferred from the subject's behaviour again
     * and their events in it stop feeding their recommendations on the next request.
     */
    public Preferences removeInterest(SubjectId subject, String category) {
        String lc = category.toLowerCase(java.util.Locale.ROOT);
        Preferences next = preferences.get(subject).withHiddenInterest(lc, clock.instant());
        putPreferences(subject, next);
        return next;
    }

    /** Deletes one of the subject's events from store and index. {@return whether it existed and was theirs} */
    public boolean deleteEvent(SubjectId subject, long eventId) {
        boolean deleted = storage.events().delete(subject, eventId);
        index.removeEvent(subject, eventId);
        if (deleted) {
            dirty.set(true);
            correction(subject);
        }
        return deleted;
    }

    /**
     * Deletes every event past its type's retention period, from the store and the live index, and
     * records the sweep in the audit log. Runs hourly and at start. {@return events deleted per type}
     */
    public synchronized Map<String, Long> sweepRetention() {
        Instant now = clock.instant();
        Map<String, Long> deleted = new java.util.TreeMap<>();
        config.retention().forEach((type, ttl) -> {
            EventType t = EventType.of(type);
            Instant cutoff = now.minus(ttl);
            long n = storage.events().deleteOlderThan(t, cutoff);
            config.decay().code(t).ifPresent(code -> index.removeOlderThan(code, cutoff.toEpochMilli()));
            if (n > 0) {
                deleted.put(type, n);
            }
        });
        if (!deleted.isEmpty()) {
            dirty.set(true);
            Map<String, String> details = new java.util.TreeMap<>();
            deleted.forEach((k, v) -> details.put(k, Long.toString(v)));
            audit.record("system", "retention.sweep", Optional.empty(), details);
        }
        return deleted;
    }

    /** Deletes all of the subject's events (their history), keeping consent and preferences. {@return events deleted} */
    public long deleteHistory(SubjectId subject) {
        long n = storage.events().deleteSubject(subject);
        index.removeSubject(subject);
        dirty.set(true);
        correction(subject);
        return n;
    }

    /** {@return an event's free-form text, decrypted; empty when it has none or the person's key is gone} */
    public Optional<String> text(Event e) {
        if (e.sealedText().isEmpty() || cipher == null) {
            return Optional.empty();
        }
        return cipher.decrypt(e.subject(), "event:" + e.id(), e.sealedText().get());
    }

    /** {@return the subject's feedback, oldest first} */
    public List<Feedback> feedbackOf(SubjectId subject) {
        return storage.feedback().forSubject(subject);
    }

    /**
     * Erases everything held about the subject and their influence on models, then returns a receipt.
     * Consent goes first, so events arriving meanwhile are dropped for lack of it; then events,
     * preferences, feedback, the live index and caches; deleted rows are purged from the database
     * files; finally every model is refit from the remaining data (exact unlearning: every model is a
     * pure function of the data it is fitted on). The receipt is returned only after a refit that
     * started after the deletions has completed; erasures arriving together share refits
     * ({@link RefitCoalescer}), so each waits for at most two.
     */
    public ErasureReceipt erase(SubjectId subject) {
        return erase(subject, "system");
    }

    /** As {@link #erase(SubjectId)}, recording {@code actor} in the audit log. */
    public ErasureReceipt erase(SubjectId subject, String actor) {
        Instant started = clock.instant();
        ConsentState lastConsent = consents.current(subject);
        Map<String, Long> removed = removeSubject(subject);
        refits.awaitRefit();
        metrics.erasures.increment();
        ErasureReceipt receipt = new ErasureReceipt(java.util.UUID.randomUUID().toString(), started, clock.instant(), removed, List.of(
                new ErasureReceipt.ModelUnlearning("itemknn", "exact: recomputed without the subject"),
                new ErasureReceipt.ModelUnlearning("popularity", "exact: recomputed without the subject"),
                new ErasureReceipt.ModelUnlearning("context", "exact: recomputed without the subject"),
                new ErasureReceipt.ModelUnlearning("ease", "exact: refit without the subject"),
                new ErasureReceipt.ModelUnlearning("ials", "exact: refit without the subject"),
                new ErasureReceipt.ModelUnlearning("community", dpCommunity == null ? "exact: recomputed without the subject"
                        : "differentially private counts: " + dpCommunity.state() + " without the subject")));
        Map<String, String> details = new java.util.TreeMap<>();
        removed.forEach((k, v) -> details.put("removed." + k, Long.toString(v)));
        details.put("receipt_hash", receipt.hash());
        audit.record(actor, "erasure", Optional.empty(), details);
        monitoring.erasureCompleted(started, clock.instant(), lastConsent);
        return receipt;
    }

    /** Deletes everything held about the subject (not yet their influence on models). {@return rows removed per kind} */
    private Map<String, Long> removeSubject(SubjectId subject) {
        var exclusive = subjectGate.writeLock();
        exclusive.lock(); // waits for batches in flight, which may hold the subject's events
        try {
            synchronized (this) {
                return removeSubjectGated(subject);
            }
        } finally {
            exclusive.unlock();
        }
    }

    private Map<String, Long> removeSubjectGated(SubjectId subject) {
        Map<String, Long> removed = new java.util.LinkedHashMap<>();
        removed.put("consent_rows", storage.consents().deleteSubject(subject));
        consents.forget(subject);
        // counted in their experiments first, then their impressions and participations are deleted
        removed.put("experiment_rows", experiments.recordErasure(subject));
        removed.put("events", storage.events().deleteSubject(subject));
        removed.put("index_entries", (long) index.removeSubject(subject));
        removed.put("preferences", preferences.delete(subject) ? 1L : 0L);
        removed.put("feedback", storage.feedback().deleteSubject(subject));
        feedback.forget(subject);
        if (cipher != null) {
            boolean hadKey = storage.subjectKeys().wrappedKey(subject).isPresent();
            cipher.shred(subject); // crypto-shredding: copies of encrypted fields anywhere (backups) become unreadable
            removed.put("data_keys", hadKey ? 1L : 0L);
        }
        // The person's audit entries stay (the chain needs them) but their salt goes, so they can no
        // longer be tied to anyone; the erasure itself is recorded without any reference to the person.
        audit.forget(subject);
        storage.purgeDeleted();
        dirty.set(true); // should the waiting caller go away, the background trainer still refits
        return removed;
    }

    /** The privacy budget each analyst key has per data set for differentially private analytics. */
    public static final double ANALYTICS_BUDGET = 10.0;

    /** {@return differentially private analytics over current behaviour} */
    public synchronized DpAnalytics analytics() {
        if (analytics == null) {
            analytics = new DpAnalytics(index, consents, preferences, catalog,
                    new dev.candor.privacy.dp.BudgetLedger(storage.privacyBudget(), ANALYTICS_BUDGET), config.minGroupSubjects(), clock,
                    dev.candor.privacy.dp.DiscreteSamplers.secure());
        }
        return analytics;
    }

    /**
     * {@return how community signals are released: exact, or DP with ε per release, ε left and the last decision}
     */
    public Map<String, Object> communityPrivacy() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (dpCommunity == null) {
            m.put("mode", "exact, k-anonymous");
        } else {
            m.put("mode", "differentially private");
            m.put("epsilon_per_release", dpCommunity.settings().epsilon());
            m.put("refresh_hours", dpCommunity.settings().refresh().toMinutes() / 60.0);
            m.put("budget", dpCommunity.settings().budget());
            m.put("remaining", dpCommunity.remaining());
            m.put("state", dpCommunity.state());
        }
        m.put("min_people", config.minGroupSubjects());
        return m;
    }

    /** {@return the audit log} */
    public AuditLog audit() {
        return audit;
    }

    // ---- models

    /** {@return the models recommendations use now} */
    public TrainedModels models() {
        return models;
    }

    /** Rebuilds every model, EASE and iALS included, from the live index now and swaps them in. {@return the new models} */
    public TrainedModels retrain() {
        return retrain("system");
    }

    /** As {@link #retrain()}, recording the training and {@code actor} in the audit log. */
    public TrainedModels retrain(String actor) {
        TrainedModels m = train(true);
        audit.record(actor, "model.train", Optional.empty(), Map.of("subjects", Integer.toString(m.subjects()),
                "items", Integer.toString(catalog.size()), "ease", Boolean.toString(m.ease().numItems() > 0),
                "millis", Long.toString(metrics.lastTrainingMillis)));
        return m;
    }

    /** Trains under {@link #trainLock}, so trainings never overlap and a newer model is never replaced by an older one. */
    private TrainedModels train(boolean refit) {
        synchronized (trainLock) {
            dirty.set(false);
            long start = System.nanoTime();
            TrainedModels next = trainer.train(clock.instant(), refit, models);
            models = next;
            metrics.trainings.increment();
            metrics.lastTrainingMillis = (System.nanoTime() - start) / 1_000_000;
            return next;
        }
    }

    private void sweepQuietly() {
        try {
            sweepRetention();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "retention sweep failed; will retry: " + e.getClass().getSimpleName());
        }
    }

    private void retrainIfDirty() {
        try {
            if (dirty.get()) {
                boolean refit = !models.fittedAt().plus(config.cf().refitInterval()).isAfter(clock.instant());
                if (refit) {
                    retrain("system");
                } else {
                    train(false);
                }
            }
        } catch (RuntimeException e) {
            dirty.set(true);
            LOG.log(System.Logger.Level.WARNING, "model training failed; will retry: " + e.getClass().getSimpleName());
        }
    }

    // ---- plumbing

    public Pseudonymizer pseudonymizer() {
        return pseudonymizer;
    }

    public Storage storage() {
        return storage;
    }

    public EngineConfig config() {
        return config;
    }

    public EngineMetrics metrics() {
        return metrics;
    }

    public InteractionIndex index() {
        return index;
    }

    public ConsentService consents() {
        return consents;
    }

    /** {@return the experiments: definitions, assignment, attribution and results} */
    public dev.candor.experiment.ExperimentService experiments() {
        return experiments;
    }

    /** {@return the trust and exposure monitors} */
    public Monitoring monitoring() {
        return monitoring;
    }

    Recommender recommender() {
        return recommender;
    }

    // ---- trust and fairness

    /** The most users {@link #fairness} checks for calibration. */
    public static final int MAX_CALIBRATION_SAMPLE = 1000;

    /**
     * {@return exposure fairness over the last {@code days} days (UTC, today included) and the
     * calibration of up to {@code sample} users' recommendations} Exposure counts items served in
     * every response. Calibration (Steck 2018) compares the categories of 20 recommendations with
     * those of the user's usable history, for users in pseudonym order (a uniform sample) who
     * grant personalization and behavioural use and have history; those recommendations are
     * computed for the report only — not served, counted or recorded — and only aggregates leave.
     */
    public Fairness fairness(int days, int sample) {
        if (days < 1 || days > monitoring.exposure().maxDays()) {
            throw new IllegalArgumentException("days must be between 1 and " + monitoring.exposure().maxDays());
        }
        if (sample < 0 || sample > MAX_CALIBRATION_SAMPLE) {
            throw new IllegalArgumentException("sample must be between 0 and " + MAX_CALIBRATION_SAMPLE);
        }
        Instant now = clock.instant();
        java.time.LocalDate to = dev.candor.monitor.ExposureTally.day(now);
        java.time.LocalDate from = to.minusDays(days - 1L);
        Map<String, Long> exposure = monitoring.exposure().window(from, to);
        List<Item> items = new ArrayList<>();
        Map<String, Long> popularity = new java.util.HashMap<>();
        dev.candor.recommend.source.PopularityModel pop = models.popularity();
        for (int i : catalog.liveIndexes()) {
            Item item = catalog.item(i);
            items.add(item);
            popularity.put(item.id().value(), i < pop.numItems() ? (long) pop.count(i) : 0L);
        }
        List<Double> kl = new ArrayList<>();
        for (SubjectId s : consents.sample(java.util.EnumSet.of(Purpose.PERSONALIZATION, Purpose.BEHAVIORAL), sample)) {
            calibration(s, now).ifPresent(kl::add);
        }
        List<Double> sorted = kl.stream().sorted().toList();
        Optional<Double> median = sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2) : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2);
        return new Fairness(from, to, dev.candor.monitor.FairnessReport.of(exposure, items, popularity, kl), kl.size(), median);
    }

    private Optional<Double> calibration(SubjectId s, Instant now) {
        UserState user = new UserState(s, consents.current(s), preferences.get(s), index.history(s), feedback.notInterested(s),
                feedback.notMe(s), now);
        if (recommender.policy().allowedLevel(user) != PersonalizationLevel.FULL) {
            return Optional.empty();
        }
        WeightedHistory evidence = WeightedHistory.of(user, catalog, config.decay());
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> hc = new ArrayList<>();
        double[] hw = new double[evidence.size()];
        for (int k = 0; k < evidence.size(); k++) {
            hc.add(catalog.item(evidence.item(k)).categories());
            hw[k] = evidence.weight(k);
        }
        Map<String, Double> p = dev.candor.monitor.Calibration.distribution(hc, hw);
        Recommendations r = recommender.recommend(RecommendationRequest.of(s, 20), user, PersonalizationLevel.FULL, evidence);
        if (p.isEmpty() || r.items().isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> lc = r.items().stream().map(i -> catalog.item(i.item()).categories()).toList();
        double[] lw = new double[lc.size()];
        java.util.Arrays.fill(lw, 1.0);
        return Optional.of(dev.candor.monitor.Calibration.kl(p, dev.candor.monitor.Calibration.distribution(lc, lw)));
    }

    /**
     * {@return what the trust calculator reads about this deployment}: its configuration (posture,
     * retention, decay, sensitive categories, k), whether curated collections exist and every
     * active experiment has guardrails, and the trust metrics of the last {@code window}.
     */
    public dev.candor.trust.SelfAssessmentInputs selfAssessmentInputs(java.time.Duration window) {
        Instant now = clock.instant();
        dev.candor.monitor.TrustMetrics m = monitoring.window(now.minus(window), now.plusMillis(1));
        Instant t = now;
        boolean guarded = experiments.experiments().stream()
                .filter(e -> e.status(t) != dev.candor.experiment.Experiment.Status.STOPPED)
                .allMatch(e -> !e.guardrails().isEmpty());
        dev.candor.trust.SelfAssessmentInputs.Builder b = dev.candor.trust.SelfAssessmentInputs.builder()
                .explanationsEnabled(config.posture().explanations())
                .consentDefault(config.posture().consentDefault())
                .retentionConfigured(!config.retention().isEmpty())
                .decay(config.decay())
                .sensitivity(config.sensitivity())
                .kAnonymity(config.minGroupSubjects())
                .curatedCollections(!collections.isEmpty())
                .auditLog(true)
                .experimentGuardrails(guarded)
                .metrics(m);
        m.rejectedShare().ifPresent(b::rejectedEventRate);
        return b.build();
    }

    // ---- curated collections

    /**
     * Stores a curated collection (durably) and makes it available to the curated experiment
     * strategies on the next request.
     *
     * @throws IllegalArgumentException when an item is not in the catalog
     */
    public void putCollection(dev.candor.model.CuratedCollection c) {
        for (ItemId id : c.items()) {
            if (catalog.indexOf(id).isEmpty()) {
                throw new IllegalArgumentException("every item of a collection must be in the catalog");
            }
        }
        synchronized (collectionsLock) { // not the engine's lock: that one is held while models train
            storage.collections().put(c);
            collections = storage.collections().list();
        }
    }

    /** {@return the curated collections, by id} */
    public List<dev.candor.model.CuratedCollection> collections() {
        return collections;
    }

    public Optional<dev.candor.model.CuratedCollection> collection(String id) {
        return collections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Deletes a curated collection. {@return whether it existed} */
    public boolean deleteCollection(String id) {
        synchronized (collectionsLock) {
            boolean deleted = storage.collections().delete(id);
            collections = storage.collections().list();
            return deleted;
        }
    }

    public InstantSource clock() {
        return clock;
    }

    /** Stops background training. Does not close the storage (its owner does). */
    @Override
    public void close() {
        scheduler.shutdownNow();
        monitoring.flush();
    }

    /** Assembles an {@link Engine}. Not thread-safe. */
    public static final class Builder {
        private Storage storage;
        private Pseudonymizer pseudonymizer;
        private EngineConfig config = EngineConfig.defaults();
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        public Builder storage(Storage storage) {
            this.storage = storage;
            return this;
        }

        public Builder pseudonymizer(Pseudonymizer pseudonymizer) {
            this.pseudonymizer = pseudonymizer;
            return this;
        }

        public Builder config(EngineConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        private byte[] masterKey;
        private byte[] auditKey;

        /**
         * The key (at least 32 bytes, kept outside the database) that signs the audit log's head, so
         * that the log cannot be rewritten or cut short through the database alone. Without it the
         * chain is still hash-linked but its head is not signed.
         */
        public Builder auditKey(byte[] key) {
            this.auditKey = key.clone();
            return this;
        }
        private CommunityPrivacy communityPrivacy;
        private dev.candor.privacy.dp.IntegerNoise communityNoise = dev.candor.privacy.dp.DiscreteSamplers.secure();

        /** Seeded noise for community releases: tests in this package only. */
        Builder communityNoise(dev.candor.privacy.dp.IntegerNoise noise) {
            this.communityNoise = Objects.requireNonNull(noise, "noise");
            return this;
        }

        /** Releases community signals (popular and trending per segment) with differential privacy; without it they are exact, k-anonymous counts. */
        public Builder communityPrivacy(CommunityPrivacy settings) {
            this.communityPrivacy = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The 32-byte master key that wraps each person's data key; with it, events may carry
         * free-form text, stored encrypted. Without it, such events are rejected.
         */
        public Builder masterKey(byte[] key) {
            this.masterKey = key.clone();
            return this;
        }

        /** Loads state from the storage and trains the first models. */
        public Engine build() {
            return new Engine(this);
        }
    }
}
