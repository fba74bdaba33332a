package dev.candor.privacy.dp;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Exact samplers of Canonne, Kamath &amp; Steinke (2020), "The Discrete Gaussian for Differential
 * Privacy", Algorithms 1–3, using only uniform integers and rational arithmetic (BigInteger), so the
 * output distribution is exactly the stated one. Thread-safe when the random source is.
 */
public final class DiscreteSamplers implements IntegerNoise {
    private final Random random;

    /** Uses a {@link SecureRandom}; tests may pass a seeded source. */
    public DiscreteSamplers(Random random) {
        this.random = random;
    }

    public static DiscreteSamplers secure() {
        return new DiscreteSamplers(new SecureRandom());
    }

    /** {@return true with probability n/d} (0 ≤ n ≤ d, d > 0) */
    boolean bernoulli(BigInteger n, BigInteger d) {
        return uniformBelow(d).compareTo(n) < 0;
    }

    /** {@return a uniform integer in [0, bound)} */
    BigInteger uniformBelow(BigInteger bound) {
        BigInteger r;
        do {
            r = new BigInteger(bound.bitLength(), random);
        } while (r.compareTo(bound) >= 0);
        return r;
    }

    /** {@return true with probability exp(−n/d)} for n/d ≥ 0 (Algorithm 1). */
    boolean bernoulliExp(BigInteger n, BigInteger d) {
        if (n.signum() < 0 || d.signum() <= 0) {
            throw new IllegalArgumentException("gamma must be a non-negative fraction");
        }
        if (n.compareTo(d) <= 0) {
            BigInteger k = BigInteger.ONE;
            while (bernoulli(n, d.multiply(k))) {
                k = k.add(BigInteger.ONE);
            }
            return k.testBit(0); // k odd
        }
        BigInteger whole = n.divide(d);
        for (BigInteger i = BigInteger.ZERO; i.compareTo(whole) < 0; i = i.add(BigInteger.ONE)) {
            if (!bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
                return false;
            }
        }
        return bernoulliExp(n.subtract(whole.multiply(d)), d);
    }

    /**
     * {@return a sample of the discrete Laplace distribution with scale num/den}, P(x) ∝ exp(−|x|·den/num)
     * (Algorithm 2, which samples scale t/s: here t = num, s = den).
     */
    @Override
    public long laplace(long num, long den) {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("the scale must be positive");
        }
        long t = num;
        long s = den;
        BigInteger bt = BigInteger.valueOf(t);
        while (true) {
            BigInteger u = uniformBelow(bt);
            if (!bernoulliExp(u, bt)) {
                continue;
            }
            long v = 0;
            while (bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
                v++;
            }
            long x = u.longValue() + t * v;
            long y = x / s;
            boolean negative = random.nextBoolean();
            if (negative && y == 0) {
                continue;
            }
            return negative ? -y : y;
        }
    }

    /**
     * {@return a sample of the discrete Gaussian with variance parameter σ² = num/den}, P(x) ∝
     * exp(−x²/(2σ²)) (Algorithm 3).
     */
    @Override
    public long gaussian(long num, long den) {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("sigma squared must be positive");
        }
        BigInteger sn = BigInteger.valueOf(num);
        BigInteger sd = BigInteger.valueOf(den);
        long t = (long) Math.floor(Math.sqrt((double) num / den)) + 1;
        BigInteger bt = BigInteger.valueOf(t);
        while (true) {
            long y = laplace(t, 1);
            // gamma = (|y| − σ²/t)² / (2σ²) = (|y|·t·den − num)² / (2·num·den·t²)
            BigInteger a = BigInteger.valueOf(Math.abs(y)).multiply(bt).multiply(sd).subtract(sn);
            BigInteger gn = a.multiply(a);
            BigInteger gd = BigInteger.TWO.multiply(sn).multiply(sd).multiply(bt).multiply(bt);
            if (bernoulliExp(gn, gd)) {
                return y;
            }
        }
    }
}
