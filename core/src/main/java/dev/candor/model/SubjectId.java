package dev.candor.model;

import java.util.regex.Pattern;

/**
 * A pseudonymous user key: the lowercase hex of a keyed HMAC of the raw user id.
 *
 * <p>This is the only user key a store accepts. It cannot be turned back into the raw id without
 * the pseudonymization key, but it is still personal data (it is linkable), so it is erased with
 * the subject and never logged.
 */
public record SubjectId(String value) implements Comparable<SubjectId> {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public SubjectId {
        if (value == null || !HEX64.matcher(value).matches()) {
            throw new IllegalArgumentException("subject id must be 64 lowercase hex characters");
        }
    }

    public static SubjectId of(String value) {
        return new SubjectId(value);
    }

    @Override
    public int compareTo(SubjectId other) {
        return value.compareTo(other.value);
    }

    /** Never prints the value: subject ids stay out of logs and messages. */
    @Override
    public String toString() {
        return "SubjectId[…]";
    }
}
