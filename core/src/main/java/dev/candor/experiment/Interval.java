package dev.candor.experiment;

/**
 * A closed interval {@code [lower, upper]}.
 */
public record Interval(double lower, double upper) {
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("interval bounds must be ordered numbers. Provided: [" + lower + ", " + upper + "]");
        }
    }

    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** {@return whether the whole interval lies above {@code x}} */
    public boolean isAbove(double x) {
        return lower > x;
    }

    /** {@return whether the whole interval lies below {@code x}} */
    public boolean isBelow(double x) {
        return upper < x;
    }

    public double width() {
        return upper - lower;
    }
}
