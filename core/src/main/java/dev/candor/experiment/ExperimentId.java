package dev.candor.experiment;

import java.util.regex.Pattern;

/**
 * An experiment's id, chosen by the operator: 1 to 64 characters of {@code [A-Za-z0-9_.-]}.
 * Part of the assignment hash, so changing it reshuffles every subject.
 */
public record ExperimentId(String value) implements Comparable<ExperimentId> {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public ExperimentId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("experiment id must be 1 to 64 characters of [A-Za-z0-9_.-]");
        }
    }

    public static ExperimentId of(String value) {
        return new ExperimentId(value);
    }

    @Override
    public int compareTo(ExperimentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
