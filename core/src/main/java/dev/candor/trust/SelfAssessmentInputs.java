package dev.candor.trust;

import dev.candor.consent.ConsentDefault;
import dev.candor.consent.SensitivityPolicy;
import dev.candor.monitor.TrustMetrics;
import dev.candor.profile.DecayPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TrustCalculator#selfAssess} reads from a running deployment: its configuration and,
 * when measured, its live trust metrics. Build with {@link #builder()}, whose defaults describe a
 * Candor deployment with nothing measured yet and no retention configured; the wiring sets what it
 * knows ({@link Builder#decay}, {@link Builder#sensitivity}, {@link Builder#metrics}).
 *
 * @param explanationsEnabled           recommendations are served with their reasons
 * @param explanationCoverage           measured share of served items with ≥ 1 reason
 * @param consentDefault                what applies before a user chooses
 * @param perPurposeConsent             consent is recorded per purpose
 * @param retentionConfigured           events are deleted after a configured retention period
 * @param pseudonymization              user ids are pseudonymized before storage
 * @param erasureWithUnlearning         erasure also removes the subject's influence on models
 * @param decayConfigured               at least one event type decays (finite half-life)
 * @param sensitiveCategories           how many categories are treated as sensitive
 * @param kAnonymity                    the smallest group a group statistic may rest on
 * @param contextNeedsConsent           request context is used only with the context purpose
 * @param preferenceCenter              users can view and correct inferred interests
 * @param feedbackOnNextRequest         "not interested" / "too personal" act on the next request
 * @param personalizationSwitch         users can switch personalization off
 * @param inputValidation               malformed events are rejected with an error
 * @param rejectedEventRate             measured share of offered events rejected as malformed
 * @param curatedCollections            people can curate collections and exclusions
 * @param auditLog                      a hash-chained audit log is kept
 * @param trustMonitoring               trust metrics are collected
 * @param experimentGuardrails          experiments run with trust guardrails
 * @param optOutRate                    measured opt-out rate (per subject with consent)
 * @param complaintRate                 measured complaints per item served
 */
public record SelfAssessmentInputs(boolean explanationsEnabled, Optional<Double> explanationCoverage,
                                   ConsentDefault consentDefault, boolean perPurposeConsent, boolean retentionConfigured,
                                   boolean pseudonymization, boolean erasureWithUnlearning, boolean decayConfigured,
                                   int sensitiveCategories, int kAnonymity, boolean contextNeedsConsent,
                                   boolean preferenceCenter, boolean feedbackOnNextRequest, boolean personalizationSwitch,
                                   boolean inputValidation, Optional<Double> rejectedEventRate,
                                   boolean curatedCollections, boolean auditLog, boolean trustMonitoring,
                                   boolean experimentGuardrails, Optional<Double> optOutRate,
                                   Optional<Double> complaintRate) {
    public SelfAssessmentInputs {
        checkRate("explanationCoverage", explanationCoverage);
        Objects.requireNonNull(consentDefault, "consentDefault");
        if (sensitiveCategories < 0) {
            throw new IllegalArgumentException("sensitiveCategories must be >= 0. Provided value: " + sensitiveCategories);
        }
        if (kAnonymity < 1) {
            throw new IllegalArgumentException("kAnonymity must be >= 1. Provided value: " + kAnonymity);
        }
        checkRate("rejectedEventRate", rejectedEventRate);
        checkRate("optOutRate", optOutRate);
        checkRate("complaintRate", complaintRate);
    }

    private static void checkRate(String name, Optional<Double> rate) {
        Objects.requireNonNull(rate, name);
        rate.ifPresent(r -> {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1]. Provided value: " + r);
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these inputs} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.explanationsEnabled = explanationsEnabled;
        b.explanationCoverage = explanationCoverage;
        b.consentDefault = consentDefault;
        b.perPurposeConsent = perPurposeConsent;
        b.retentionConfigured = retentionConfigured;
        b.pseudonymization = pseudonymization;
        b.erasureWithUnlearning = erasureWithUnlearning;
        b.decayConfigured = decayConfigured;
        b.sensitiveCategories = sensitiveCategories;
        b.kAnonymity = kAnonymity;
        b.contextNeedsConsent = contextNeedsConsent;
        b.preferenceCenter = preferenceCenter;
        b.feedbackOnNextRequest = feedbackOnNextRequest;
        b.personalizationSwitch = personalizationSwitch;
        b.inputValidation = inputValidation;
        b.rejectedEventRate = rejectedEventRate;
        b.curatedCollections = curatedCollections;
        b.auditLog = auditLog;
        b.trustMonitoring = trustMonitoring;
        b.experimentGuardrails = experimentGuardrails;
        b.optOutRate = optOutRate;
        b.complaintRate = complaintRate;
        return b;
    }

    /**
     * Assembles inputs. Defaults: what every Candor deployment has (explanations, privacy-by-default
     * per-purpose consent, pseudonymization, exact unlearning on erasure, default decay and sensitive
     * categories, k = 50, context under consent, preference center, feedback on the next request,
     * input validation); not assumed: retention, curated collections, audit log, trust monitoring,
     * experiment guardrails and every measured rate. Not thread-safe.
     */
    public static final class Builder {
        private boolean explanationsEnabled = true;
        private Optional<Double> explanationCoverage = Optional.empty();
        private ConsentDefault consentDefault = ConsentDefault.PRIVACY_BY_DEFAULT;
        private boolean perPurposeConsent = true;
        private boolean retentionConfigured;
        private boolean pseudonymization = true;
        private boolean erasureWithUnlearning = true;
        private boolean decayConfigured = true;
        private int sensitiveCategories = SensitivityPolicy.DEFAULT_CATEGORIES.size();
        private int kAnonymity = 50;
        private boolean contextNeedsConsent = true;
        private boolean preferenceCenter = true;
        private boolean feedbackOnNextRequest = true;
        private boolean personalizationSwitch = true;
        private boolean inputValidation = true;
        private Optional<Double> rejectedEventRate = Optional.empty();
        private boolean curatedCollections;
        private boolean auditLog;
        private boolean trustMonitoring;
        private boolean experimentGuardrails;
        private Optional<Double> optOutRate = Optional.empty();
        private Optional<Double> complaintRate = Optional.empty();

        private Builder() {
        }

        public Builder explanationsEnabled(boolean v) {
            explanationsEnabled = v;
            return this;
        }

        public Builder consentDefault(ConsentDefault v) {
            consentDefault = Objects.requireNonNull(v, "consentDefault");
            return this;
        }

        public Builder perPurposeConsent(boolean v) {
            perPurposeConsent = v;
            return this;
        }

        public Builder retentionConfigured(boolean v) {
            retentionConfigured = v;
            return this;
        }

        public Builder pseudonymization(boolean v) {
            pseudonymization = v;
            return this;
        }

        public Builder erasureWithUnlearning(boolean v) {
            erasureWithUnlearning = v;
            return this;
        }

        public Builder decayConfigured(boolean v) {
            decayConfigured = v;
            return this;
        }

        /** Decay is configured when any event type has a finite (non-zero) half-life. */
        public Builder decay(DecayPolicy policy) {
            decayConfigured = policy.kinds().stream().anyMatch(k -> !k.halfLife().equals(Duration.ZERO));
            return this;
        }

        public Builder sensitiveCategories(int v) {
            sensitiveCategories = v;
            return this;
        }

        public Builder sensitivity(SensitivityPolicy policy) {
            sensitiveCategories = policy.categories().size();
            return this;
        }

        public Builder kAnonymity(int v) {
            kAnonymity = v;
            return this;
        }

        public Builder contextNeedsConsent(boolean v) {
            contextNeedsConsent = v;
            return this;
        }

        public Builder preferenceCenter(boolean v) {
            preferenceCenter = v;
            return this;
        }

        public Builder feedbackOnNextRequest(boolean v) {
            feedbackOnNextRequest = v;
            return this;
        }

        public Builder personalizationSwitch(boolean v) {
            personalizationSwitch = v;
            return this;
        }

        public Builder inputValidation(boolean v) {
            inputValidation = v;
            return this;
        }

        public Builder rejectedEventRate(double v) {
            rejectedEventRate = Optional.of(v);
            return this;
        }

        public Builder curatedCollections(boolean v) {
            curatedCollections = v;
            return this;
        }

        public Builder auditLog(boolean v) {
            auditLog = v;
            return this;
        }

        public Builder trustMonitoring(boolean v) {
            trustMonitoring = v;
            return this;
        }

        public Builder experimentGuardrails(boolean v) {
            experimentGuardrails = v;
            return this;
        }

        public Builder explanationCoverage(double v) {
            explanationCoverage = Optional.of(v);
            return this;
        }

        public Builder optOutRate(double v) {
            optOutRate = Optional.of(v);
            return this;
        }

        public Builder complaintRate(double v) {
            complaintRate = Optional.of(v);
            return this;
        }

        /** Takes explanation coverage, opt-out and complaint rates from live metrics; trust is monitored. */
        public Builder metrics(TrustMetrics m) {
            explanationCoverage = m.explanationCoverage();
            optOutRate = m.optOutRate();
            complaintRate = m.complaintRate();
            trustMonitoring = true;
            return this;
        }

        public SelfAssessmentInputs build() {
            return new SelfAssessmentInputs(explanationsEnabled, explanationCoverage, consentDefault, perPurposeConsent,
                    retentionConfigured, pseudonymization, erasureWithUnlearning, decayConfigured, sensitiveCategories,
                    kAnonymity, contextNeedsConsent, preferenceCenter, feedbackOnNextRequest, personalizationSwitch,
                    inputValidation, rejectedEventRate, curatedCollections, auditLog, trustMonitoring,
                    experimentGuardrails, optOutRate, complaintRate);
        }
    }
}
