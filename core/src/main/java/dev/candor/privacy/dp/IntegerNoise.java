package dev.candor.privacy.dp;

/**
 * Integer-valued noise for DP mechanisms: {@link DiscreteSamplers} in production; tests may pass
 * {@link #ZERO} to check a mechanism's arithmetic with the noise taken out.
 */
public interface IntegerNoise {
    /** {@return a draw of the discrete Gaussian N_Z(0, σ²) with σ² = num/den} */
    long gaussian(long num, long den);

    /** {@return a draw of the discrete Laplace distribution with scale num/den} */
    long laplace(long num, long den);

    /** No noise at all: for tests of a mechanism's arithmetic only, never for a release. */
    IntegerNoise ZERO = new IntegerNoise() {
        @Override
        public long gaussian(long num, long den) {
            return 0;
        }

        @Override
        public long laplace(long num, long den) {
            return 0;
        }
    };
}
