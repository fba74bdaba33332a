package dev.candor.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an erasure removed and how, returned to the caller and kept by them as proof. The hash is
 * the SHA-256 of the receipt's canonical text ({@link #canonical()}), so a receipt cannot be
 * altered unnoticed. It names no subject: the caller knows whom they erased; Candor keeps nothing.
 *
 * @param id          a random receipt id
 * @param requestedAt when the erasure began
 * @param completedAt when everything listed was gone
 * @param removed     rows removed per kind (events, consent, preferences, feedback, index entries)
 * @param models      per model, how the subject's influence was removed
 */
public record ErasureReceipt(String id, Instant requestedAt, Instant completedAt, Map<String, Long> removed,
                            List<ModelUnlearning> models) {
    public ErasureReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        removed = Map.copyOf(new TreeMap<>(removed));
        models = List.copyOf(models);
    }

    /**
     * @param model  the model's name
     * @param method how the subject's influence was removed, e.g. {@code exact: recomputed without the subject}
     */
    public record ModelUnlearning(String model, String method) {
    }

    /** {@return an unambiguous text form: one {@code key=value} line per field, fields in a fixed order} */
    public String canonical() {
        StringBuilder sb = new StringBuilder("candor-erasure-receipt-v1\n");
        sb.append("id=").append(id).append('\n');
        sb.append("requested_at=").append(requestedAt).append('\n');
        sb.append("completed_at=").append(completedAt).append('\n');
        new TreeMap<>(removed).forEach((k, v) -> sb.append("removed.").append(k).append('=').append(v).append('\n'));
        for (ModelUnlearning m : models) {
            sb.append("model.").append(m.model()).append('=').append(m.method()).append('\n');
        }
        return sb.toString();
    }

    /** {@return the SHA-256 of {@link #canonical()}, hex} */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public long durationMillis() {
        return java.time.Duration.between(requestedAt, completedAt).toMillis();
    }
}
