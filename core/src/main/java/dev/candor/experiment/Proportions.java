package dev.candor.experiment;

/**
 * Fixed-horizon intervals for proportions: valid when the sample size is fixed in advance and the
 * result is looked at once. For results watched continuously use {@link SequentialTest}.
 */
public final class Proportions {
    private Proportions() {
    }

    /**
     * {@return the Wilson score interval for {@code x} successes in {@code n} trials at level 1 - alpha}
     * (Wilson 1927): centre {@code (p + z²/2n) / (1 + z²/n)}, half-width
     * {@code z / (1 + z²/n) · sqrt(p(1-p)/n + z²/4n²)}; {@code [0, 1]} when n = 0.
     */
    public static Interval wilson(long x, long n, double alpha) {
        check(x, n);
        if (n == 0) {
            return new Interval(0, 1);
        }
        double z = Normal.twoSided(alpha);
        double p = (double) x / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
        return new Interval(x == 0 ? 0 : Math.max(0, centre - half), x == n ? 1 : Math.min(1, centre + half));
    }

    /**
     * {@return Newcombe's hybrid score interval (method 10) for p1 - p0 at level 1 - alpha}
     * (Newcombe 1998, Statistics in Medicine 17): with Wilson intervals [l, u] of each rate,
     * {@code [d - sqrt((p1-l1)² + (u0-p0)²), d + sqrt((u1-p1)² + (p0-l0)²)]}.
     */
    public static Interval newcombe(long x1, long n1, long x0, long n0, double alpha) {
        check(x1, n1);
        check(x0, n0);
        if (n1 == 0 || n0 == 0) {
            return new Interval(-1, 1);
        }
        double p1 = (double) x1 / n1;
        double p0 = (double) x0 / n0;
        Interval w1 = wilson(x1, n1, alpha);
        Interval w0 = wilson(x0, n0, alpha);
        double d = p1 - p0;
        double lower = d - Math.sqrt(sq(p1 - w1.lower()) + sq(w0.upper() - p0));
        double upper = d + Math.sqrt(sq(w1.upper() - p1) + sq(p0 - w0.lower()));
        return new Interval(Math.max(-1, lower), Math.min(1, upper));
    }

    /**
     * {@return the variance used by the sequential test for a rate of x in n}: {@code p̃(1-p̃)/n} with
     * {@code p̃ = (x + 1/2) / (n + 1)}, which never vanishes (so 0 of n still carries uncertainty)
     * and differs from the plug-in {@code p̂(1-p̂)/n} by O(1/n²).
     */
    public static double smoothedVariance(long x, long n) {
        check(x, n);
        if (n == 0) {
            return 0.25;
        }
        double p = (x + 0.5) / (n + 1.0);
        return p * (1 - p) / n;
    }

    static void check(long x, long n) {
        if (n < 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n. Provided: x=" + x + ", n=" + n);
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
