package dev.candor.server.api;

import dev.candor.engine.Engine;
import dev.candor.model.Event;
import dev.candor.model.Feedback;
import dev.candor.model.Item;
import dev.candor.model.Purpose;
import dev.candor.model.Scope;
import dev.candor.model.SubjectId;
import dev.candor.privacy.ErasureReceipt;
import dev.candor.profile.Interest;
import dev.candor.server.ApiError;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rights of the person behind a user id, for the host application's back office (scope admin):
 * see the profile, list and delete events, remove an inferred interest, export everything, erase.
 * End users reach the same through {@code /v1/me/...} with their own token.
 */
public final class RightsApi {
    /** The most events one page of {@code GET /v1/users/{id}/events} returns. */
    static final int MAX_PAGE = 1000;

    private RightsApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/v1/users/{id}/profile", Set.of(Scope.ADMIN), RightsApi::readProfile);
        t.add(Method.GET, "/v1/users/{id}/events", Set.of(Scope.ADMIN), c -> events(c, c.subject("id")));
        t.add(Method.DELETE, "/v1/users/{id}/events/{eventId}", Set.of(Scope.ADMIN), c -> deleteEvent(c, c.subject("id")));
        t.add(Method.DELETE, "/v1/users/{id}/interests/{category}", Set.of(Scope.ADMIN), c -> removeInterest(c, c.subject("id")));
        t.add(Method.GET, "/v1/users/{id}/export", Set.of(Scope.ADMIN), c -> export(c, c.subject("id")));
        t.add(Method.DELETE, "/v1/users/{id}", Set.of(Scope.ADMIN), c -> erase(c, c.subject("id")));
        t.add(Method.POST, "/v1/users/{id}/token", Set.of(Scope.ADMIN), RightsApi::issueToken);
    }

    static void readProfile(Call c) {
        SubjectId s = c.subject("id");
        c.audit("profile.read", Optional.of(s), Map.of());
        c.json(200, profile(c.ctx().engine(), s));
    }

    /** An end-user token: {@code {"ttl_seconds"?}} → {@code {token, expires_at, me_url}}. */
    private static void issueToken(Call c) {
        SubjectId s = c.subject("id");
        java.time.Duration ttl = dev.candor.server.auth.EndUserTokens.DEFAULT_TTL;
        if (c.req().headers().contentLength().orElse(0L) > 0) {
            var body = dev.candor.server.Fields.requireObject(c.body(), "the body");
            dev.candor.server.Fields.onlyFields(body, Set.of("ttl_seconds"));
            var n = dev.candor.server.Fields.optionalNumber(body, "ttl_seconds");
            if (n.isPresent()) {
                double v = n.getAsDouble();
                if (v != Math.rint(v) || v < 1 || v > dev.candor.server.auth.EndUserTokens.MAX_TTL.toSeconds()) {
                    throw ApiError.badRequest("INVALID_VALUE", "ttl_seconds must be an integer from 1 to "
                            + dev.candor.server.auth.EndUserTokens.MAX_TTL.toSeconds(), "ttl_seconds");
                }
                ttl = java.time.Duration.ofSeconds((long) v);
            }
        }
        c.audit("token.issue", Optional.of(s), Map.of("ttl_seconds", Long.toString(ttl.toSeconds())));
        var issued = c.ctx().tokens().issue(s, ttl);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", issued.token());
        out.put("expires_at", issued.expiresAt().toString());
        out.put("me_url", "/me#token=" + issued.token());
        c.json(201, out);
    }

    /** The profile: what is held and inferred about the subject, in plain language and as data. */
    static Map<String, Object> profile(Engine engine, SubjectId s) {
        Map<String, Object> out = new LinkedHashMap<>();
        var consent = engine.consent(s);
        Map<String, Object> purposes = new LinkedHashMap<>();
        for (Purpose p : Purpose.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("granted", consent.allows(p));
            m.put("what_it_means", p.description());
            purposes.put(p.wireName(), m);
        }
        Map<String, Object> consentView = new LinkedHashMap<>();
        consentView.put("recorded", consent.known());
        consentView.put("purposes", purposes);
        consentView.put("history", Views.consentHistory(engine.consentHistory(s)));
        out.put("consent", consentView);
        out.put("preferences", Views.preferences(engine.preferences(s)));
        out.put("interests", engine.interests(s).stream().map(RightsApi::interest).toList());
        List<Event> events = engine.events(s);
        Map<String, Object> eventSummary = new LinkedHashMap<>();
        eventSummary.put("count", events.size());
        eventSummary.put("first_at", events.isEmpty() ? null : events.getFirst().timestamp().toString());
        eventSummary.put("last_at", events.isEmpty() ? null : events.getLast().timestamp().toString());
        eventSummary.put("recent", events.subList(Math.max(0, events.size() - 20), events.size()).reversed().stream()
                .map(e -> event(e, engine)).toList());
        out.put("events", eventSummary);
        out.put("feedback", engine.feedbackOf(s).stream().map(f -> feedback(f, engine)).toList());
        out.put("segments", engine.segments(s));
        out.put("experiments", experiments(engine, s));
        Map<String, Object> retention = new LinkedHashMap<>();
        engine.config().retention().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> retention.put(e.getKey(),
                "deleted " + e.getValue().toDays() + " days after it happened"));
        retention.put("other events", "kept until you delete them or erase your account; their influence fades with time");
        retention.put("consent_history", "kept while your account exists, to show what you agreed to and when");
        out.put("retention", retention);
        out.put("summary", summary(engine, s, consent.allows(Purpose.PERSONALIZATION), consent.allows(Purpose.BEHAVIORAL), events.size()));
        return out;
    }

    private static String summary(Engine engine, SubjectId s, boolean personal, boolean behavioral, int events) {
        List<Interest> interests = engine.interests(s);
        StringBuilder sb = new StringBuilder();
        if (!personal) {
            sb.append("Personalization is off: everyone sees the same recommendations as you. ");
        } else if (!behavioral) {
            sb.append("We use only the interests you told us, not what you do. ");
        } else {
            sb.append("We use what you view and buy, and the interests you told us, to suggest things. ");
        }
        sb.append("We hold ").append(events).append(events == 1 ? " event" : " events").append(" of yours.");
        List<String> top = interests.stream().filter(i -> i.share() >= 0.05 || i.stated()).limit(3).map(Interest::category).toList();
        if (!top.isEmpty()) {
            sb.append(" You seem most interested in ").append(String.join(", ", top)).append('.');
        }
        return sb.toString();
    }

    private static Map<String, Object> interest(Interest i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", i.category());
        m.put("share", Math.round(i.share() * 1000) / 1000.0);
        m.put("stated", i.stated());
        m.put("evidence", i.evidence().stream().map(e -> {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("event_id", e.eventId());
            em.put("item", e.item());
            em.put("title", e.title());
            em.put("type", e.type());
            em.put("at", e.at().toString());
            em.put("weight_now", Math.round(e.weightNow() * 10000) / 10000.0);
            return em;
        }).toList());
        return m;
    }

    static Map<String, Object> event(Event e, Engine engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("item", e.item().value());
        m.put("title", engine.catalog().indexOf(e.item()).stream().mapToObj(i -> engine.catalog().item(i)).map(Item::title)
                .findFirst().orElse(null));
        m.put("type", e.type().name());
        m.put("value", e.value());
        m.put("at", e.timestamp().toString());
        m.put("in_session", e.session().isPresent());
        engine.text(e).ifPresent(t -> m.put("text", t));
        Map<String, Object> ctx = new LinkedHashMap<>();
        e.context().device().ifPresent(d -> ctx.put("device", d));
        e.context().daypart().ifPresent(d -> ctx.put("daypart", d));
        e.context().region().ifPresent(d -> ctx.put("region", d));
        m.put("context", ctx);
        return m;
    }

    private static Map<String, Object> feedback(Feedback f, Engine engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("item", f.item().value());
        m.put("signal", f.signal().wireName());
        m.put("at", f.at().toString());
        return m;
    }

    static void events(Call c, SubjectId s) {
        int limit = c.intQuery("limit", 100, 1, MAX_PAGE);
        long after = c.query("cursor").map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("INVALID_PARAMETER", "cursor must be a value this API returned as next", "cursor");
            }
        }).orElse(Long.MIN_VALUE);
        List<Event> all = c.ctx().engine().events(s);
        List<Map<String, Object>> page = new ArrayList<>();
        Long next = null;
        for (Event e : all) {
            if (e.id() <= after) {
                continue;
            }
            if (page.size() == limit) {
                next = (Long) page.getLast().get("id");
                break;
            }
            page.add(event(e, c.ctx().engine()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", page);
        out.put("next", next == null ? null : String.valueOf(next));
        c.json(200, out);
    }

    static void deleteEvent(Call c, SubjectId s) {
        long id;
        try {
            id = Long.parseLong(c.path("eventId"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("INVALID_PARAMETER", "eventId must be an event id", "eventId");
        }
        c.audit("event.delete", Optional.of(s), Map.of());
        if (!c.ctx().engine().deleteEvent(s, id)) {
            throw ApiError.notFound("UNKNOWN_EVENT", "no such event for this user");
        }
        c.res().status(204).send();
    }

    static void removeInterest(Call c, SubjectId s) {
        String category = c.path("category");
        if (category.isBlank() || category.length() > Item.MAX_CATEGORY_LENGTH) {
            throw ApiError.badRequest("INVALID_PARAMETER", "category must be 1 to " + Item.MAX_CATEGORY_LENGTH + " characters", "category");
        }
        c.audit("interest.remove", Optional.of(s), Map.of("category", category));
        c.json(200, Views.preferences(c.ctx().engine().removeInterest(s, category)));
    }

    /** Everything held about the subject, as one JSON document. */
    public static Map<String, Object> exportOf(Engine engine, SubjectId s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "candor-export-v1");
        out.put("exported_at", engine.clock().instant().toString());
        out.put("about", "Everything Candor holds about you. Your user id is not stored; records are kept under a pseudonym.");
        out.put("consent", Views.consent(engine.consent(s)));
        out.put("consent_history", Views.consentHistory(engine.consentHistory(s)));
        out.put("preferences", Views.preferences(engine.preferences(s)));
        out.put("interests", engine.interests(s).stream().map(RightsApi::interest).toList());
        out.put("events", engine.events(s).stream().map(e -> event(e, engine)).toList());
        out.put("feedback", engine.feedbackOf(s).stream().map(f -> feedback(f, engine)).toList());
        out.put("experiments", experiments(engine, s));
        out.put("audit", engine.audit().about(s).stream().map(AuditApi::entry).toList());
        return out;
    }

    static void export(Call c, SubjectId s) {
        c.audit("export", Optional.of(s), Map.of());
        c.res().header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"candor-export.json\"");
        c.json(200, exportOf(c.ctx().engine(), s));
    }

    /** {@return the experiments the subject took part in: which variant, since when, how many responses} */
    static List<Map<String, Object>> experiments(Engine engine, SubjectId s) {
        return engine.experiments().participations(s).stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("experiment", p.experiment().value());
            m.put("variant", p.variant());
            m.put("since", p.firstExposure().toString());
            m.put("responses", p.impressions());
            m.put("counted_as_opt_out", p.optedOut());
            m.put("counted_as_correction", p.corrected());
            return m;
        }).toList();
    }

    public static Map<String, Object> receipt(ErasureReceipt r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receipt_id", r.id());
        out.put("requested_at", r.requestedAt().toString());
        out.put("completed_at", r.completedAt().toString());
        out.put("duration_ms", r.durationMillis());
        out.put("removed", r.removed());
        out.put("models", r.models().stream().map(m -> Map.of("model", m.model(), "method", m.method())).toList());
        out.put("hash", r.hash());
        out.put("hash_of", "SHA-256 of the receipt's canonical text (candor-erasure-receipt-v1)");
        return out;
    }

    static void erase(Call c, SubjectId s) {
        c.json(200, receipt(c.ctx().engine().erase(s, c.actor())));
    }
}
