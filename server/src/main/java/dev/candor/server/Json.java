package dev.candor.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * JSON in and out, with limits: bodies above the configured size are refused before parsing (413),
 * nesting deeper than {@value #MAX_DEPTH}, strings longer than {@value #MAX_STRING} characters and
 * numbers longer than {@value #MAX_NUMBER} digits are refused while parsing (400). Parse errors
 * never echo the payload.
 */
public final class Json {
    public static final int MAX_DEPTH = 32;
    public static final int MAX_STRING = 100_000;
    public static final int MAX_NUMBER = 64;

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build())
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new BlackbirdModule())
            .build();

    private Json() {
    }

    /**
     * {@return the request body parsed as JSON}
     *
     * @throws ApiError 415 when the content type is not JSON, 413 above {@code maxBytes}, 400 when malformed
     */
    public static JsonNode read(ServerRequest req, long maxBytes) {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/json").toLowerCase(Locale.ROOT);
        if (!type.contains("json")) {
            throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "request body must be application/json", null);
        }
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
        } catch (IOException e) {
            throw new ApiError(400, "BODY_UNREADABLE", "request body could not be read", null);
        }
        if (body.length == 0) {
            throw ApiError.badRequest("EMPTY_BODY", "request body is empty; a JSON document is required", null);
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest("EMPTY_BODY", "request body is empty; a JSON document is required", null);
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw ApiError.badRequest("JSON_LIMIT_EXCEEDED", "request body exceeds a JSON limit (nesting depth "
                    + MAX_DEPTH + ", string length " + MAX_STRING + ", number length " + MAX_NUMBER + ")", null);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiError.badRequest("MALFORMED_JSON", "request body is not valid JSON" + where, null);
        } catch (IOException e) {
            throw new ApiError(400, "BODY_UNREADABLE", "request body could not be read", null);
        }
    }

    private static ApiError tooLarge(long maxBytes) {
        return new ApiError(413, "PAYLOAD_TOO_LARGE", "request body is larger than " + maxBytes + " bytes", null);
    }

    /** Writes {@code body} as JSON with {@code status}. */
    public static void send(ServerResponse res, int status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(bytes);
    }
}
