package dev.candor.server;

import java.util.Objects;

/**
 * A client mistake, mapped to a 4xx response {@code {"error":{"code","message","field"}}} by the
 * one error mapper. Messages never echo request values.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiError(int status, String code, String message, String field) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx. Provided value: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public static ApiError badRequest(String code, String message, String field) {
        return new ApiError(400, code, message, field);
    }

    public static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** {@return the offending field, or null} */
    public String field() {
        return field;
    }
}
