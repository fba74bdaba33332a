package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.ingest.IngestReport;
import dev.candor.ingest.RawContext;
import dev.candor.ingest.RawEvent;
import dev.candor.ingest.RowError;
import dev.candor.model.Scope;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import io.helidon.http.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Event ingest: a JSON array of events, each checked on its own. Valid rows of subjects who
 * consented are durable before the reply; valid rows without consent are counted by reason and
 * dropped; invalid rows are reported by index. The reply is 200 unless every row was invalid (400).
 */
public final class EventsApi {
    private static final Set<String> FIELDS = Set.of("user", "item", "type", "value", "timestamp", "session", "context", "text",
            "request_id", "revenue");
    private static final Set<String> CONTEXT_FIELDS = Set.of("device", "daypart", "region");

    private EventsApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.POST, "/v1/events", Set.of(Scope.INGEST), EventsApi::post);
    }

    private static void post(Call c) {
        JsonNode body = c.body();
        if (!body.isArray()) {
            throw ApiError.badRequest("INVALID_BODY", "the body must be a JSON array of events", null);
        }
        int max = c.ctx().config().maxBatch();
        if (body.size() > max) {
            throw new ApiError(413, "BATCH_TOO_LARGE", "a batch holds at most " + max + " events", null);
        }
        List<RawEvent> valid = new ArrayList<>(body.size());
        List<Integer> positions = new ArrayList<>(body.size());
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                valid.add(parse(body.get(i)));
                positions.add(i);
            } catch (ApiError e) {
                errors.add(new RowError(i, e.code(), e.getMessage(), e.field() == null ? "" : e.field()));
            }
        }
        IngestReport report = valid.isEmpty() ? new IngestReport(0, Map.of(), List.of()) : c.ctx().engine().ingest(valid);
        for (RowError e : report.errors()) {
            errors.add(new RowError(positions.get(e.index()), e.code(), e.message(), e.field()));
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::index));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", report.accepted());
        Map<String, Integer> dropped = new LinkedHashMap<>();
        report.dropped().forEach((r, n) -> dropped.put(r.wireName(), n));
        out.put("dropped", dropped);
        out.put("errors", errors.stream().map(Views::rowError).toList());
        boolean allInvalid = !body.isEmpty() && errors.size() == body.size();
        c.json(allInvalid ? 400 : 200, allInvalid ? ItemsApi.withError(out, "INVALID_EVENTS", "every event was rejected") : out);
    }

    /** {@return the row as a raw event, or an ApiError naming the first wrong field} */
    static RawEvent parse(JsonNode row) {
        Fields.requireObject(row, "each event");
        Fields.onlyFields(row, FIELDS);
        String user = Fields.requiredString(row, "user");
        String item = Fields.requiredString(row, "item");
        String type = Fields.requiredString(row, "type");
        var value = Fields.optionalNumber(row, "value");
        var timestamp = Fields.optionalTimestamp(row, "timestamp");
        Optional<String> session = Fields.optionalString(row, "session");
        RawContext context = RawContext.NONE;
        JsonNode ctx = row.get("context");
        if (ctx != null && !ctx.isNull()) {
            if (!ctx.isObject()) {
                throw ApiError.badRequest("INVALID_TYPE", "context must be an object", "context");
            }
            // only these fields are read; anything else (precise location, IP, user agent) is never looked at
            context = new RawContext(contextField(ctx, "device"), contextField(ctx, "daypart"), contextField(ctx, "region"));
        }
        return new RawEvent(user, item, type, value, timestamp, session, context, Fields.optionalString(row, "text"),
                Fields.optionalString(row, "request_id"), Fields.optionalNumber(row, "revenue"));
    }

    private static Optional<String> contextField(JsonNode ctx, String name) {
        JsonNode v = ctx.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest("INVALID_TYPE", "context." + name + " must be a string", "context." + name);
        }
        return Optional.of(v.textValue());
    }

    static Set<String> contextFields() {
        return CONTEXT_FIELDS;
    }
}
