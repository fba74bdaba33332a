package dev.candor.experiment;

/**
 * How results are analysed.
 *
 * @param alpha    error rate of every interval and test: intervals are at level {@code 1 - alpha};
 *                 in (0, 0.5)
 * @param mixingSd standard deviation τ of the normal mixture of the always-valid test, on the
 *                 scale of a difference of proportions; the test is most sensitive to effects of
 *                 about this size (Johari et al. 2017, §4). {@code > 0}
 */
public record Analysis(double alpha, double mixingSd) {
    /** alpha 0.05, τ = 0.01 (one percentage point). */
    public static final Analysis DEFAULT = new Analysis(0.05, 0.01);

    public Analysis {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5). Provided value: " + alpha);
        }
        if (!(mixingSd > 0) || Double.isInfinite(mixingSd)) {
            throw new IllegalArgumentException("mixingSd must be > 0 and finite. Provided value: " + mixingSd);
        }
    }
}
