package dev.candor.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One audit entry.
 *
 * @param seq        position in the chain, from 1, without gaps
 * @param at         when
 * @param actor      who: an API key id, {@code subject} (an end user with a token), {@code cli} or {@code system}
 * @param action     what, e.g. {@code consent.change}, {@code profile.read}, {@code export}, {@code erasure}
 * @param subjectRef an unlinkable reference to the person concerned, if any
 * @param details    small facts (no ids of people, no payloads)
 * @param prevHash   the previous entry's hash ({@link #GENESIS} for the first)
 * @param hash       SHA-256 of this entry's canonical encoding, hex
 */
public record AuditEntry(long seq, Instant at, String actor, String action, Optional<String> subjectRef, Map<String, String> details,
                         String prevHash, String hash) {
    public static final String GENESIS = "0".repeat(64);

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectRef, "subjectRef");
        details = Map.copyOf(new TreeMap<>(details));
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** {@return the entry with its hash computed from the other fields} */
    public static AuditEntry seal(long seq, Instant at, String actor, String action, Optional<String> subjectRef,
                                  Map<String, String> details, String prevHash) {
        return new AuditEntry(seq, at, actor, action, subjectRef, details, prevHash,
                hashOf(seq, at, actor, action, subjectRef, details, prevHash));
    }

    /** {@return whether the stored hash matches the fields} */
    public boolean hashMatches() {
        return hash.equals(hashOf(seq, at, actor, action, subjectRef, details, prevHash));
    }

    /**
     * SHA-256 over an unambiguous encoding: every field length-prefixed (so no two different entries
     * encode alike), details in key order.
     */
    static String hashOf(long seq, Instant at, String actor, String action, Optional<String> subjectRef, Map<String, String> details,
                         String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, "candor-audit-v1");
        field(out, Long.toString(seq));
        field(out, at.toString());
        field(out, actor);
        field(out, action);
        field(out, subjectRef.orElse(""));
        new TreeMap<>(details).forEach((k, v) -> {
            field(out, k);
            field(out, v);
        });
        field(out, prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(b);
    }
}
