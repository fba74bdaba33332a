package dev.candor.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Goodness of fit of each sampler against its exact probability mass function: Pearson's χ² over the
 * central values (tails pooled), with the critical value for a false-failure rate α = 1e-4 at the
 * test's degrees of freedom. Seeded sources make each run reproducible.
 */
class DiscreteSamplersTest {
    private static final int N = 60_000;

    /** χ² critical values for α = 1e-4 by degrees of freedom (from the χ² distribution's quantiles). */
    private static double critical(int df) {
        // Wilson–Hilferty approximation of the 1 − 1e-4 quantile, z = 3.719
        double z = 3.719;
        double a = 2.0 / (9 * df);
        return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }

    private static double chiSquare(long[] observed, double[] expectedP, int n) {
        double chi = 0;
        for (int k = 0; k < observed.length; k++) {
            double e = expectedP[k] * n;
            chi += (observed[k] - e) * (observed[k] - e) / e;
        }
        return chi;
    }

    /** Buckets −range..range, with everything beyond pooled into the two end buckets. */
    private static void fits(java.util.function.LongSupplier sampler, java.util.function.LongToDoubleFunction pmf, int range) {
        int buckets = 2 * range + 1;
        long[] observed = new long[buckets];
        for (int i = 0; i < N; i++) {
            long x = Math.max(-range, Math.min(range, sampler.getAsLong()));
            observed[(int) x + range]++;
        }
        double[] p = new double[buckets];
        double inner = 0;
        for (int x = -range + 1; x <= range - 1; x++) {
            p[x + range] = pmf.applyAsDouble(x);
            inner += p[x + range];
        }
        p[0] = (1 - inner) / 2;
        p[buckets - 1] = (1 - inner) / 2;
        assertThat(chiSquare(observed, p, N)).isLessThan(critical(buckets - 1));
    }

    @Test
    void bernoulliExp_matchesExpOfMinusGamma() {
        DiscreteSamplers s = new DiscreteSamplers(new Random(1));
        for (long[] g : new long[][] {{0, 1}, {1, 2}, {1, 1}, {5, 2}}) {
            int hits = 0;
            for (int i = 0; i < N; i++) {
                if (s.bernoulliExp(BigInteger.valueOf(g[0]), BigInteger.valueOf(g[1]))) {
                    hits++;
                }
            }
            double p = Math.exp(-(double) g[0] / g[1]);
            double sd = Math.sqrt(p * (1 - p) / N);
            assertThat(hits / (double) N).as("gamma %d/%d", g[0], g[1]).isCloseTo(p, org.assertj.core.data.Offset.offset(4.5 * sd + 1e-9));
        }
    }

    @Test
    void discreteLaplace_hasTheExactPmf() {
        DiscreteSamplers s = new DiscreteSamplers(new Random(2));
        double scale = 3.0 / 2; // s/t = 3/2
        double z = (1 - Math.exp(-1 / scale)) / (1 + Math.exp(-1 / scale));
        fits(() -> s.laplace(3, 2), x -> z * Math.exp(-Math.abs(x) / scale), 6);
    }

    @Test
    void discreteGaussian_hasTheExactPmf() {
        DiscreteSamplers s = new DiscreteSamplers(new Random(3));
        double sigma2 = 9.0 / 4;
        double norm = 0;
        for (int x = -200; x <= 200; x++) {
            norm += Math.exp(-x * x / (2 * sigma2));
        }
        double nz = norm;
        fits(() -> s.gaussian(9, 4), x -> Math.exp(-x * x / (2 * sigma2)) / nz, 5);
    }

    @Test
    void ledger_refusesPastBudget_andConcurrentSpendingNeverExceedsIt() throws Exception {
        BudgetLedger ledger = new BudgetLedger(new BudgetLedger.InMemory(), 1.0);
        ledger.spend("a", "events", 0.4);
        ledger.spend("a", "events", 0.6);
        assertThatThrownBy(() -> ledger.spend("a", "events", 0.1)).isInstanceOf(BudgetLedger.BudgetExhaustedException.class)
                .hasMessageContaining("budget");
        ledger.spend("a", "other", 0.5);
        ledger.spend("b", "events", 0.5);

        BudgetLedger shared = new BudgetLedger(new BudgetLedger.InMemory(), 1.0);
        AtomicInteger granted = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                fs.add(pool.submit(() -> {
                    try {
                        shared.spend("c", "events", 0.01);
                        granted.incrementAndGet();
                    } catch (BudgetLedger.BudgetExhaustedException refused) {
                        // expected past 100
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        assertThat(granted.get()).isEqualTo(100);
        assertThat(shared.remaining("c", "events")).isZero();
    }
}
