package dev.candor.privacy;

import dev.candor.model.SubjectId;

/**
 * Turns raw user and session ids into stable pseudonyms. The raw id is not kept anywhere.
 * Implementations are thread-safe.
 */
public interface Pseudonymizer {
    /** The longest raw user or session id accepted. */
    int MAX_RAW_ID = 256;

    /**
     * {@return the subject for a raw user id}
     *
     * @throws IllegalArgumentException when {@code rawUserId} is not {@linkplain #isValidRawId valid}
     */
    SubjectId subject(String rawUserId);

    /** {@return a pseudonym for a raw session id, 32 lowercase hex characters} */
    String session(String rawSessionId);

    /** {@return whether a raw id is acceptable: 1 to 256 characters, not blank, no control characters} */
    static boolean isValidRawId(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_RAW_ID || raw.isBlank()) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isISOControl(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
