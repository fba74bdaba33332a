package dev.candor.recommend.source;

/**
 * Small dense symmetric positive definite systems (a few hundred unknowns at most), solved by
 * Cholesky in plain Java: the factor models' per-row problems are too small for a native call to pay.
 */
final class DenseSolver {
    private DenseSolver() {
    }

    /**
     * Factors {@code a} (f × f, row-major, SPD) in place into its lower Cholesky factor.
     *
     * @throws ArithmeticException when {@code a} is not positive definite
     */
    static void cholesky(double[] a, int f) {
        for (int j = 0; j < f; j++) {
            double d = a[j * f + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * f + k] * a[j * f + k];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite");
            }
            d = Math.sqrt(d);
            a[j * f + j] = d;
            for (int i = j + 1; i < f; i++) {
                double s = a[i * f + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * f + k] * a[j * f + k];
                }
                a[i * f + j] = s / d;
            }
        }
    }

    /** Solves L Lᵀ x = b in place ({@code l} from {@link #cholesky}). */
    static void solve(double[] l, int f, double[] b) {
        for (int i = 0; i < f; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * f + k] * b[k];
            }
            b[i] = s / l[i * f + i];
        }
        for (int i = f - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < f; k++) {
                s -= l[k * f + i] * b[k];
            }
            b[i] = s / l[i * f + i];
        }
    }

    /** {@return Lᵀ row-major (the upper factor) of {@code l} from {@link #cholesky}}, for {@link #solve(double[], double[], int, double[])} */
    static double[] transposed(double[] l, int f) {
        double[] lt = new double[f * f];
        for (int i = 0; i < f; i++) {
            for (int k = 0; k <= i; k++) {
                lt[k * f + i] = l[i * f + k];
            }
        }
        return lt;
    }

    /**
     * Solves L Lᵀ x = b in place, as {@link #solve(double[], int, double[])} does, by column updates
     * that each run over a contiguous row of {@code l} or of {@code lt} (its {@link #transposed}):
     * loops the JIT vectorizes, for many solves with one factor.
     */
    static void solve(double[] l, double[] lt, int f, double[] b) {
        for (int k = 0; k < f; k++) { // L z = b: z_k, then take its share out of the rows below
            double z = b[k] / lt[k * f + k];
            b[k] = z;
            for (int i = k + 1, at = k * f; i < f; i++) {
                b[i] -= z * lt[at + i];
            }
        }
        for (int i = f - 1; i >= 0; i--) { // Lᵀ x = z: x_i, then take its share out of the rows above
            double x = b[i] / l[i * f + i];
            b[i] = x;
            for (int k = 0, at = i * f; k < i; k++) {
                b[k] -= x * l[at + k];
            }
        }
    }
}
