/**
 * Differential privacy without floating-point noise: exact samplers for the discrete Laplace and
 * discrete Gaussian distributions (Canonne, Kamath &amp; Steinke 2020) over {@link java.security.SecureRandom}
 * in integer and rational arithmetic ({@link dev.candor.privacy.dp.DiscreteSamplers}), zCDP
 * accounting and its conversion to (ε, δ) ({@link dev.candor.privacy.dp.Zcdp}), a privacy-budget
 * ledger that refuses queries past budget ({@link dev.candor.privacy.dp.BudgetLedger}), and the
 * user-level DP Gram-matrix release behind DP item models ({@link dev.candor.privacy.dp.DpGram}).
 * No floating-point Laplace (its rounding leaks, Mironov 2012). Depends on nothing but the JDK and
 * {@code dev.candor.model}; must not depend on recommenders, stores or transports.
 */
package dev.candor.privacy.dp;
