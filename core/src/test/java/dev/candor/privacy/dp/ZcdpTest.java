package dev.candor.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZcdpTest {
    /** δ of Canonne, Kamath &amp; Steinke (2020) Corollary 13 at one α, computed directly. */
    private static double deltaAt(double rho, double eps, double alpha) {
        return Math.exp((alpha - 1) * (alpha * rho - eps)) / (alpha - 1) * Math.pow(1 - 1 / alpha, alpha);
    }

    @Test
    void delta_isTheInfimumOverAlpha() {
        for (double rho : new double[] {0.01, 0.066, 0.5, 2}) {
            for (double eps : new double[] {0.5, 1, 4, 8}) {
                double d = Zcdp.delta(rho, eps);
                double grid = 1;
                for (double a = 1.001; a < 2000; a *= 1.001) {
                    grid = Math.min(grid, deltaAt(rho, eps, a));
                }
                assertThat(d).as("rho %s eps %s", rho, eps).isLessThanOrEqualTo(grid * (1 + 1e-9)).isGreaterThanOrEqualTo(grid * (1 - 1e-3));
            }
        }
    }

    @Test
    void delta_isTighterThanTheClassicBound() {
        for (double rho : new double[] {0.01, 0.1, 1}) {
            for (double eps : new double[] {1, 4, 8}) {
                if (eps > rho) {
                    assertThat(Zcdp.delta(rho, eps)).isLessThanOrEqualTo(Math.exp(-(eps - rho) * (eps - rho) / (4 * rho)));
                }
            }
        }
    }

    @Test
    void rho_isTheLargestRhoMeetingTheTarget() {
        for (double eps : new double[] {0.5, 1, 2, 4, 8}) {
            for (double delta : new double[] {1e-3, 1.0 / 943, 1e-6}) {
                double rho = Zcdp.rho(eps, delta);
                assertThat(Zcdp.delta(rho, eps)).isLessThanOrEqualTo(delta);
                assertThat(Zcdp.delta(rho * 1.001, eps)).isGreaterThan(delta);
                assertThat(Zcdp.epsilon(rho, delta)).isCloseTo(eps, org.assertj.core.data.Offset.offset(1e-6));
                // the classic conversion ε = ρ + 2 sqrt(ρ ln 1/δ) would allow less
                double classic = Math.pow(-Math.sqrt(Math.log(1 / delta)) + Math.sqrt(Math.log(1 / delta) + eps), 2);
                assertThat(rho).isGreaterThan(classic);
            }
        }
        // the figure used in docs/privacy-dp.md for ε = 1 on ml-100k's 754 training people
        assertThat(Zcdp.rho(1, 1.0 / 754)).isBetween(0.062, 0.064);
    }

    @Test
    void invalidInput_isRefused() {
        assertThatThrownBy(() -> Zcdp.rho(0, 1e-3)).hasMessageContaining("epsilon must be > 0");
        assertThatThrownBy(() -> Zcdp.rho(Double.POSITIVE_INFINITY, 1e-3)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> Zcdp.rho(1, 0)).hasMessageContaining("delta");
        assertThatThrownBy(() -> Zcdp.rho(1, 1)).hasMessageContaining("delta");
        assertThatThrownBy(() -> Zcdp.delta(-1, 1)).hasMessageContaining("rho");
        assertThatThrownBy(() -> new PrivacyParams(Double.NaN, 0.1)).hasMessageContaining("epsilon must be > 0");
        assertThatThrownBy(() -> new PrivacyParams(1, -0.1)).hasMessageContaining("delta");
        assertThatThrownBy(() -> PrivacyParams.withDeltaOneOver(1, 1)).hasMessageContaining("at least 2 people");
    }
}
