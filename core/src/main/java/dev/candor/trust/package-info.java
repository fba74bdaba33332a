/**
 * The trust calculator: scores a deployment 0–100 overall and on nine
 * {@link dev.candor.trust.Dimension}s, with findings that cite the evidence they rest on. Two
 * entry points share one rubric: {@link dev.candor.trust.TrustCalculator#assess} from a
 * {@link dev.candor.trust.Questionnaire} anyone can fill in, and
 * {@link dev.candor.trust.TrustCalculator#selfAssess} from the running configuration and live
 * metrics ({@link dev.candor.trust.SelfAssessmentInputs}).
 *
 * <p>Pure functions over records; no subject data. May depend on {@code monitor},
 * {@code consent}, {@code profile} and {@code model}; must not depend on {@code engine}, stores,
 * JDBC or any transport.
 */
package dev.candor.trust;
