package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.SubjectId;
import dev.candor.privacy.Pseudonymizer;
import dev.candor.server.ApiError;
import dev.candor.server.Json;
import dev.candor.server.auth.Principal;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * One authenticated API call: the request, the response, who is calling, and helpers that turn
 * request parts into values or {@link ApiError}s.
 */
public record Call(ServerRequest req, ServerResponse res, Optional<Principal> principal, ApiContext ctx) {
    /** {@return who is calling, for the audit log: the API key id, or {@code anonymous}} */
    public String actor() {
        return principal.map(Principal::keyId).orElse("anonymous");
    }

    /** Appends to the audit log; the action happens only if this succeeds (fail closed). */
    public void audit(String action, java.util.Optional<SubjectId> subject, java.util.Map<String, String> details) {
        ctx.engine().audit().record(actor(), action, subject, details);
    }

    /** {@return the decoded path parameter} */
    public String path(String name) {
        return req.path().pathParameters().get(name);
    }

    public Optional<String> query(String name) {
        return req.query().first(name).asOptional();
    }

    /** {@return an integer query parameter within bounds, or the default when absent} */
    public int intQuery(String name, int dflt, int min, int max) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw ApiError.badRequest("INVALID_PARAMETER", name + " must be between " + min + " and " + max, name);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("INVALID_PARAMETER", name + " must be an integer between " + min + " and " + max, name);
        }
    }

    /** {@return the body as JSON, within the configured size limit} */
    public JsonNode body() {
        return Json.read(req, ctx.config().maxBodyBytes());
    }

    public void json(int status, Object body) {
        Json.send(res, status, body);
    }

    /**
     * {@return the subject for the raw user id in path parameter {@code name}; for an end user with a
     * token (the {@code /v1/me} routes), always that user}
     */
    public SubjectId subject(String name) {
        Optional<SubjectId> me = principal.flatMap(Principal::subject);
        if (me.isPresent()) {
            return me.get();
        }
        return subjectOf(path(name), "user");
    }

    /** {@return the subject for a raw user id, or 400 INVALID_USER (the id is not echoed)} */
    public SubjectId subjectOf(String raw, String field) {
        if (!Pseudonymizer.isValidRawId(raw)) {
            throw ApiError.badRequest("INVALID_USER", "user id must be 1 to " + Pseudonymizer.MAX_RAW_ID
                    + " characters without control characters", field);
        }
        return ctx.engine().pseudonymizer().subject(raw);
    }
}
