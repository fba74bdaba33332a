/**
 * Differential privacy without floating-point noise: exact samplers for the discrete Laplace and
 * discrete Gaussian distributions (Canonne, Kamath &amp; Steinke 2020) over {@link java.security.SecureRandom}
 * in integer and rational arithmetic, and a privacy-budget ledger that refuses queries past budget.
 * No floating-point Laplace (its rounding leaks, Mironov 2012).
 */
package dev.candor.privacy.dp;
