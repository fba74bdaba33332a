package dev.candor.ingest;

import dev.candor.consent.ConsentGate;
import dev.candor.consent.ConsentService;
import dev.candor.consent.DropReason;
import dev.candor.model.ConsentState;
import dev.candor.model.Event;
import dev.candor.model.EventType;
import dev.candor.model.ItemId;
import dev.candor.model.SubjectId;
import dev.candor.privacy.Pseudonymizer;
import dev.candor.profile.DecayPolicy;
import dev.candor.profile.InteractionIndex;
import dev.candor.recommend.Catalog;
import dev.candor.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ingest path, one class to point at: validate each row, pseudonymize, check consent, minimize,
 * append durably, then make the events visible in the live index.
 *
 * <p>Thread-safe. The store append is the commit point: if it throws, nothing of the batch was
 * stored or indexed and the exception propagates (callers fail closed, HTTP 503).
 */
public final class IngestPipeline {
    /** Events may be at most this far in the future (clock skew). */
    public static final Duration MAX_FUTURE = Duration.ofDays(1);
    /** The largest absolute event value accepted. */
    public static final double MAX_ABS_VALUE = 1e9;

    private final Pseudonymizer pseudonymizer;
    private final ConsentService consents;
    private final ConsentGate gate = new ConsentGate();
    private final Minimizer minimizer = new Minimizer();
    private final Catalog catalog;
    private final DecayPolicy decay;
    private final EventStore store;
    private final InteractionIndex index;
    private final EventIds ids;
    private final InstantSource clock;
    private final IngestListener listener;

    /** Told about each committed batch (metrics, model freshness). */
    public interface IngestListener {
        void committed(List<Event> events, IngestReport report);
    }

    public IngestPipeline(Pseudonymizer pseudonymizer, ConsentService consents, Catalog catalog, DecayPolicy decay,
                          EventStore store, InteractionIndex index, InstantSource clock, IngestListener listener) {
        this.pseudonymizer = pseudonymizer;
        this.consents = consents;
        this.catalog = catalog;
        this.decay = decay;
        this.store = store;
        this.index = index;
        this.clock = clock;
        this.listener = listener;
        this.ids = new EventIds(store.maxId(), clock);
    }

    private dev.candor.privacy.FieldCipher cipher;

    /** Enables free-form text on events, stored encrypted; without it, events with text are rejected. */
    public IngestPipeline encryptTextWith(dev.candor.privacy.FieldCipher cipher) {
        this.cipher = cipher;
        return this;
    }

    /** Ingests a batch. {@return what was accepted, dropped and rejected} */
    public IngestReport ingest(List<RawEvent> batch) {
        Instant now = clock.instant();
        List<Event> accepted = new ArrayList<>(batch.size());
        int[] items = new int[batch.size()];
        byte[] kinds = new byte[batch.size()];
        Map<DropReason, Integer> dropped = new EnumMap<>(DropReason.class);
        List<RowError> errors = new ArrayList<>();
        // Within one batch a user's pseudonym and consent are looked up once. Held for this call
        // only: raw ids are never kept beyond the request that carried them.
        Map<String, SubjectId> subjects = new HashMap<>();
        Map<SubjectId, ConsentState> consentOf = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            RawEvent raw = batch.get(i);
            Optional<RowError> invalid = validate(i, raw, now);
            if (invalid.isPresent()) {
                errors.add(invalid.get());
                continue;
            }
            SubjectId subject = subjects.computeIfAbsent(raw.user(), pseudonymizer::subject);
            ConsentState consent = consentOf.computeIfAbsent(subject, consents::current);
            Optional<DropReason> drop = gate.check(consent);
            if (drop.isPresent()) {
                dropped.merge(drop.get(), 1, Integer::sum);
                continue;
            }
            long id = ids.next();
            Optional<byte[]> sealed = raw.text().map(t -> cipher.encrypt(subject, "event:" + id, t));
            ItemId item = ItemId.of(raw.item());
            EventType type = EventType.of(raw.type());
            items[accepted.size()] = catalog.indexOf(item).orElseThrow();
            kinds[accepted.size()] = decay.code(type).orElseThrow();
            accepted.add(new Event(id, subject, item, type, raw.value().orElse(1.0), raw.timestamp().orElse(now),
                    raw.session().map(pseudonymizer::session), minimizer.minimize(raw.context(), consent), sealed));
        }
        if (!accepted.isEmpty()) {
            store.append(accepted);
            for (int k = 0; k < accepted.size(); k++) {
                Event e = accepted.get(k);
                index.add(e.subject(), e.id(), items[k], kinds[k], (float) e.value(), e.timestamp().toEpochMilli(), sessionKey(e.session()),
                        dev.candor.profile.ContextCode.encode(e.context()));
            }
        }
        IngestReport report = new IngestReport(accepted.size(), dropped, errors);
        listener.committed(accepted, report);
        return report;
    }

    /** {@return the index's key for a session pseudonym: its first 64 bits, never 0} */
    public static long sessionKey(Optional<String> session) {
        if (session.isEmpty()) {
            return 0;
        }
        long k = Long.parseUnsignedLong(session.get().substring(0, 16), 16);
        return k == 0 ? 1 : k;
    }

    private Optional<RowError> validate(int i, RawEvent raw, Instant now) {
        if (raw.text().isPresent()) {
            if (cipher == null) {
                return error(i, "TEXT_NOT_SUPPORTED", "this server stores no free-form text (no encryption key configured)", "text");
            }
            if (raw.text().get().length() > RawEvent.MAX_TEXT) {
                return error(i, "INVALID_TEXT", "text must be at most " + RawEvent.MAX_TEXT + " characters", "text");
            }
        }
        if (raw.user() == null) {
            return error(i, "MISSING_FIELD", "user is required", "user");
        }
        if (!Pseudonymizer.isValidRawId(raw.user())) {
            return error(i, "INVALID_USER", "user must be 1 to " + Pseudonymizer.MAX_RAW_ID + " characters without control characters", "user");
        }
        if (raw.item() == null) {
            return error(i, "MISSING_FIELD", "item is required", "item");
        }
        if (!ItemId.isValid(raw.item())) {
            return error(i, "INVALID_ITEM", "item must be 1 to " + ItemId.MAX_LENGTH + " characters without control characters", "item");
        }
        if (!catalog.contains(ItemId.of(raw.item()))) {
            return error(i, "UNKNOWN_ITEM", "item is not in the catalog", "item");
        }
        if (raw.type() == null) {
            return error(i, "MISSING_FIELD", "type is required", "type");
        }
        if (!EventType.isValid(raw.type()) || decay.code(EventType.of(raw.type())).isEmpty()) {
            return error(i, "UNKNOWN_EVENT_TYPE", "type must be one of " + decay.kinds().stream().map(k -> k.type().name()).toList(), "type");
        }
        if (raw.value().isPresent()) {
            double v = raw.value().getAsDouble();
            if (!Double.isFinite(v) || Math.abs(v) > MAX_ABS_VALUE) {
                return error(i, "INVALID_VALUE", "value must be a finite number between -1e9 and 1e9", "value");
            }
        }
        if (raw.timestamp().isPresent()) {
            Instant t = raw.timestamp().get();
            if (t.isBefore(Instant.EPOCH) || t.isAfter(now.plus(MAX_FUTURE))) {
                return error(i, "INVALID_TIMESTAMP", "timestamp must be after 1970 and at most one day in the future", "timestamp");
            }
        }
        if (raw.session().isPresent() && !Pseudonymizer.isValidRawId(raw.session().get())) {
            return error(i, "INVALID_SESSION", "session must be 1 to " + Pseudonymizer.MAX_RAW_ID + " characters without control characters", "session");
        }
        Optional<String> ctx = minimizer.validate(raw.context());
        if (ctx.isPresent()) {
            return error(i, "INVALID_CONTEXT", ctx.get(), "context");
        }
        if (raw.requestId().isPresent() && !isRequestId(raw.requestId().get())) {
            return error(i, "INVALID_VALUE", "request_id must be a request id this API returned", "request_id");
        }
        if (raw.revenue().isPresent()) {
            double r = raw.revenue().getAsDouble();
            if (!Double.isFinite(r) || r < 0 || r > RawEvent.MAX_REVENUE) {
                return error(i, "INVALID_VALUE", "revenue must be a finite number between 0 and 1e9", "revenue");
            }
            if (!EventType.PURCHASE.name().equals(raw.type()) || raw.requestId().isEmpty()) {
                return error(i, "INVALID_VALUE", "revenue is accepted only on purchase events with a request_id (it is used for experiments)",
                        "revenue");
            }
        }
        return Optional.empty();
    }

    /** {@return whether {@code s} is shaped like a request id this engine hands out (a UUID; hex digits and dashes)} */
    public static boolean isRequestId(String s) {
        return s != null && s.matches("[0-9a-fA-F-]{1,64}");
    }

    private static Optional<RowError> error(int i, String code, String message, String field) {
        return Optional.of(new RowError(i, code, message, field));
    }

    /** {@return the catalog index of an item id, for callers outside the pipeline} */
    public OptionalInt itemIndex(ItemId id) {
        return catalog.indexOf(id);
    }
}
