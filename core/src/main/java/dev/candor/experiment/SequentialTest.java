package dev.candor.experiment;

/**
 * The always-valid mixture sequential probability ratio test (mSPRT) with a normal mixture, for an
 * asymptotically normal estimate θ̂ of a parameter θ with variance V (Robbins 1970; Johari, Koomen,
 * Pekelis &amp; Walsh 2017, "Peeking at A/B tests", KDD; Johari, Pekelis &amp; Walsh 2022, Operations
 * Research 70). With mixing distribution N(θ0, τ²) the likelihood ratio against θ = θ0 is
 *
 * <pre>Λ(θ0) = sqrt(V / (V + τ²)) · exp( τ² (θ̂ - θ0)² / (2 V (V + τ²)) )</pre>
 *
 * <p>By Ville's inequality P(∃n: Λₙ(θ) ≥ 1/α) ≤ α under θ, so:
 * <ul>
 * <li>the always-valid p-value {@code min(1, 1/Λ(0))} is below α at some look with probability at
 *     most α under θ = 0, however often and whenever it is looked at;
 * <li>the confidence sequence {@code {θ0 : Λ(θ0) < 1/α}} =
 *     {@code θ̂ ± sqrt( V(V+τ²)/τ² · (ln((V+τ²)/V) + 2 ln(1/α)) )} covers θ at every look
 *     simultaneously with probability at least 1 - α.
 * </ul>
 * Callers may take the running minimum of p-values and running intersection of intervals over
 * looks; both keep the guarantee. For proportions V is the (smoothed) plug-in variance, which makes
 * the guarantee asymptotic, as in Johari et al. Stateless; thread-safe.
 */
public final class SequentialTest {
    private SequentialTest() {
    }

    /** {@return Λ(θ0) for estimate θ̂ with variance V and mixing variance τ²} */
    public static double likelihoodRatio(double estimate, double variance, double theta0, double tauSquared) {
        checkScale(variance, tauSquared);
        double d = estimate - theta0;
        double sum = variance + tauSquared;
        return Math.sqrt(variance / sum) * Math.exp(tauSquared * d * d / (2 * variance * sum));
    }

    /** {@return the always-valid p-value of θ = θ0: {@code min(1, 1/Λ(θ0))}} */
    public static double pValue(double estimate, double variance, double theta0, double tauSquared) {
        checkScale(variance, tauSquared);
        double d = estimate - theta0;
        double sum = variance + tauSquared;
        double logLambda = 0.5 * Math.log(variance / sum) + tauSquared * d * d / (2 * variance * sum);
        return logLambda <= 0 ? 1.0 : Math.exp(-logLambda);
    }

    /** {@return the half-width of the level 1 - alpha confidence sequence at variance V} */
    public static double halfWidth(double variance, double alpha, double tauSquared) {
        checkScale(variance, tauSquared);
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1). Provided value: " + alpha);
        }
        double sum = variance + tauSquared;
        return Math.sqrt(variance * sum / tauSquared * (Math.log(sum / variance) + 2 * Math.log(1 / alpha)));
    }

    /** {@return the level 1 - alpha confidence sequence for θ at the current look} */
    public static Interval confidenceSequence(double estimate, double variance, double alpha, double tauSquared) {
        double h = halfWidth(variance, alpha, tauSquared);
        return new Interval(estimate - h, estimate + h);
    }

    /** {@return the confidence sequence for p1 - p0 from counts, with smoothed plug-in variances} */
    public static Interval differenceOfProportions(long x1, long n1, long x0, long n0, double alpha, double tau) {
        double v = Proportions.smoothedVariance(x1, n1) + Proportions.smoothedVariance(x0, n0);
        return confidenceSequence(rate(x1, n1) - rate(x0, n0), v, alpha, tau * tau);
    }

    /** {@return the always-valid p-value of p1 = p0 from counts} */
    public static double differenceOfProportionsPValue(long x1, long n1, long x0, long n0, double tau) {
        double v = Proportions.smoothedVariance(x1, n1) + Proportions.smoothedVariance(x0, n0);
        return pValue(rate(x1, n1) - rate(x0, n0), v, 0, tau * tau);
    }

    /** {@return the confidence sequence for one proportion from counts} */
    public static Interval proportion(long x, long n, double alpha, double tau) {
        return confidenceSequence(rate(x, n), Proportions.smoothedVariance(x, n), alpha, tau * tau);
    }

    static double rate(long x, long n) {
        Proportions.check(x, n);
        return n == 0 ? 0 : (double) x / n;
    }

    private static void checkScale(double variance, double tauSquared) {
        if (!(variance > 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance must be > 0 and finite. Provided value: " + variance);
        }
        if (!(tauSquared > 0) || Double.isInfinite(tauSquared)) {
            throw new IllegalArgumentException("tauSquared must be > 0 and finite. Provided value: " + tauSquared);
        }
    }
}
