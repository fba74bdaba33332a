package dev.candor.privacy;

import dev.candor.model.CandorException;
import dev.candor.model.SubjectId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonymization: {@code SubjectId = HMAC-SHA256(key, "subject\0" + raw id)}, session
 * pseudonyms likewise under a different label. Without the key the mapping cannot be recomputed
 * or reversed (a dictionary attack over likely user ids needs the key); with it, the same raw id
 * always maps to the same subject, so the host application can keep using its own ids.
 *
 * <p>Thread-safe: one {@link Mac} per thread.
 */
public final class HmacPseudonymizer implements Pseudonymizer {
    private static final HexFormat HEX = HexFormat.of();
    private static final String ALGORITHM = "HmacSHA256";
    private final ThreadLocal<Mac> mac;

    /** @param key at least 32 bytes of secret randomness */
    public HmacPseudonymizer(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("pseudonymization key must be at least 32 bytes");
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance(ALGORITHM);
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new CandorException("HMAC-SHA256 is not available", e);
            }
        });
        mac.get();
    }

    @Override
    public SubjectId subject(String rawUserId) {
        if (!Pseudonymizer.isValidRawId(rawUserId)) {
            throw new IllegalArgumentException("user id must be 1 to " + MAX_RAW_ID + " characters without control characters");
        }
        return new SubjectId(HEX.formatHex(digest("subject\0", rawUserId)));
    }

    @Override
    public String session(String rawSessionId) {
        if (!Pseudonymizer.isValidRawId(rawSessionId)) {
            throw new IllegalArgumentException("session id must be 1 to " + MAX_RAW_ID + " characters without control characters");
        }
        byte[] d = digest("session\0", rawSessionId);
        return HEX.formatHex(d, 0, 16);
    }

    private byte[] digest(String label, String raw) {
        Mac m = mac.get();
        m.update(label.getBytes(StandardCharsets.UTF_8));
        return m.doFinal(raw.getBytes(StandardCharsets.UTF_8));
    }
}
