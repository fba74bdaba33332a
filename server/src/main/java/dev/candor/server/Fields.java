package dev.candor.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed access to fields of a JSON object, throwing {@link ApiError} 400 with a stable code
 * ({@code MISSING_FIELD}, {@code INVALID_TYPE}, {@code INVALID_VALUE}) and the field name. Values
 * are never echoed.
 */
public final class Fields {
    private Fields() {
    }

    public static JsonNode requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("INVALID_BODY", what + " must be a JSON object", null);
        }
        return node;
    }

    public static String requiredString(JsonNode obj, String field) {
        return optionalString(obj, field).orElseThrow(() -> ApiError.badRequest("MISSING_FIELD", field + " is required", field));
    }

    public static Optional<String> optionalString(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest("INVALID_TYPE", field + " must be a string", field);
        }
        return Optional.of(v.textValue());
    }

    public static OptionalDouble optionalNumber(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        if (!v.isNumber()) {
            throw ApiError.badRequest("INVALID_TYPE", field + " must be a number", field);
        }
        return OptionalDouble.of(v.doubleValue());
    }

    public static Optional<Boolean> optionalBoolean(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw ApiError.badRequest("INVALID_TYPE", field + " must be true or false", field);
        }
        return Optional.of(v.booleanValue());
    }

    /** {@return a list of strings (empty when absent)} */
    public static List<String> stringList(JsonNode obj, String field, int max) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw ApiError.badRequest("INVALID_TYPE", field + " must be an array of strings", field);
        }
        if (v.size() > max) {
            throw ApiError.badRequest("INVALID_VALUE", field + " has more than " + max + " entries", field);
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw ApiError.badRequest("INVALID_TYPE", field + " must be an array of strings", field);
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** {@return a string-to-string map (empty when absent)} */
    public static Map<String, String> stringMap(JsonNode obj, String field, int max) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw ApiError.badRequest("INVALID_TYPE", field + " must be an object of strings", field);
        }
        if (v.size() > max) {
            throw ApiError.badRequest("INVALID_VALUE", field + " has more than " + max + " entries", field);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw ApiError.badRequest("INVALID_TYPE", field + " values must be strings", field + "." + e.getKey());
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /**
     * {@return a timestamp given as an ISO-8601 string or as epoch milliseconds}
     *
     * @throws ApiError INVALID_TYPE / INVALID_TIMESTAMP
     */
    public static Optional<Instant> optionalTimestamp(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Optional.of(Instant.ofEpochMilli(v.longValue()));
        }
        if (v.isTextual()) {
            try {
                return Optional.of(Instant.parse(v.textValue()));
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("INVALID_TIMESTAMP", field + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z or epoch milliseconds", field);
            }
        }
        throw ApiError.badRequest("INVALID_TYPE", field + " must be an ISO-8601 string or epoch milliseconds", field);
    }

    /** Rejects fields not in {@code allowed}, so typos are not silently ignored. */
    public static void onlyFields(JsonNode obj, java.util.Set<String> allowed) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw ApiError.badRequest("UNKNOWN_FIELD", "unknown field; allowed: " + new java.util.TreeSet<>(allowed), safeName(f));
            }
        }
    }

    /** {@return a field name fit to echo: printable ASCII up to 64 characters, else a placeholder} */
    public static String safeName(String f) {
        return f.length() <= 64 && f.chars().allMatch(c -> c >= 32 && c < 127) ? f : "(unprintable field name)";
    }
}
