package dev.candor.privacy.dp;

/**
 * Zero-concentrated differential privacy (Bun &amp; Steinke 2016) accounting. Mechanisms that compose
 * add their ρ; the total converts to (ε, δ)-DP by the bound of Canonne, Kamath &amp; Steinke (2020,
 * Corollary 13): ρ-zCDP implies (ε, δ)-DP with
 * {@code δ = inf_{α > 1} exp((α − 1)(αρ − ε)) / (α − 1) · (1 − 1/α)^α}, tighter than the classic
 * {@code ε = ρ + 2 sqrt(ρ ln(1/δ))}. Any α gives a valid δ, so an imperfect numeric minimum only
 * overstates δ; {@link #rho} returns a ρ whose δ at ε is at most the target (checked, then shrunk).
 *
 * <p>The discrete Gaussian N_Z(0, σ²) added to an integer query of L2 sensitivity Δ is
 * (Δ²/2σ²)-zCDP (Canonne, Kamath &amp; Steinke 2020, Theorem 14).
 */
public final class Zcdp {
    private Zcdp() {
    }

    /** {@return the δ at which ρ-zCDP gives ε-DP} */
    public static double delta(double rho, double epsilon) {
        if (!(rho >= 0) || !(epsilon >= 0)) {
            throw new IllegalArgumentException("rho and epsilon must be >= 0. Provided values: " + rho + ", " + epsilon);
        }
        if (rho == 0) {
            return 0;
        }
        // minimise f(α) = (α−1)(αρ−ε) + α ln(1−1/α) − ln(α−1); f'(α) = (2α−1)ρ − ε + ln(1−1/α) is increasing
        double lo = 1 + 1e-9;
        double hi = Math.max(2, (epsilon + 1) / (2 * rho) + 2);
        for (int i = 0; i < 200; i++) {
            double a = (lo + hi) / 2;
            double d = (2 * a - 1) * rho - epsilon + Math.log1p(-1 / a);
            if (d < 0) {
                lo = a;
            } else {
                hi = a;
            }
        }
        double a = (lo + hi) / 2;
        double logDelta = (a - 1) * (a * rho - epsilon) + a * Math.log1p(-1 / a) - Math.log(a - 1);
        return Math.min(1, Math.exp(logDelta));
    }

    /** {@return the smallest ε that ρ-zCDP gives at δ} */
    public static double epsilon(double rho, double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1). Provided value: " + delta);
        }
        if (rho == 0) {
            return 0;
        }
        double lo = 0;
        double hi = rho + 2 * Math.sqrt(rho * Math.log(1 / delta)); // the classic bound holds here
        for (int i = 0; i < 200; i++) {
            double e = (lo + hi) / 2;
            if (delta(rho, e) <= delta) {
                hi = e;
            } else {
                lo = e;
            }
        }
        return hi;
    }

    /** {@return the largest ρ (to within 1e-9 relative) such that ρ-zCDP implies (ε, δ)-DP} */
    public static double rho(double epsilon, double delta) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be > 0 and finite. Provided value: " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1) for zCDP accounting. Provided value: " + delta);
        }
        double lo = 0;
        double hi = epsilon + 1;
        for (int i = 0; i < 200; i++) {
            double r = (lo + hi) / 2;
            if (delta(r, epsilon) <= delta) {
                lo = r;
            } else {
                hi = r;
            }
        }
        return lo;
    }
}
