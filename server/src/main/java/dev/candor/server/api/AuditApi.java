package dev.candor.server.api;

import dev.candor.audit.AuditEntry;
import dev.candor.audit.AuditLog;
import dev.candor.model.Scope;
import dev.candor.server.ApiError;
import io.helidon.http.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The audit log: entries (newest last) and verification of the hash chain. */
public final class AuditApi {
    private AuditApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/v1/audit", Set.of(Scope.ADMIN, Scope.ANALYST), AuditApi::list);
        t.add(Method.GET, "/v1/audit/verify", Set.of(Scope.ADMIN, Scope.ANALYST), c -> c.json(200, verification(c.ctx().engine().audit().verify())));
    }

    private static void list(Call c) {
        int limit = c.intQuery("limit", 100, 1, 1000);
        long after = c.query("cursor").map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("INVALID_PARAMETER", "cursor must be a value this API returned as next", "cursor");
            }
        }).orElse(0L);
        List<AuditEntry> page = c.ctx().engine().audit().list(after, limit + 1);
        boolean more = page.size() > limit;
        List<AuditEntry> shown = more ? page.subList(0, limit) : page;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", shown.stream().map(AuditApi::entry).toList());
        out.put("next", more ? String.valueOf(shown.getLast().seq()) : null);
        c.json(200, out);
    }

    static Map<String, Object> entry(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("subject_ref", e.subjectRef().orElse(null));
        m.put("details", e.details());
        m.put("prev_hash", e.prevHash());
        m.put("hash", e.hash());
        return m;
    }

    public static Map<String, Object> verification(AuditLog.Verification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", v.valid());
        m.put("entries", v.entries());
        m.put("first_invalid_seq", v.firstInvalid().orElse(null));
        m.put("reason", v.reason().orElse(null));
        m.put("head", v.head());
        m.put("head_signed", v.headSigned());
        return m;
    }
}
