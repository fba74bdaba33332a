package dev.candor.trust;

import dev.candor.trust.Finding.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores trust practices on a fixed rubric (docs/trust.md): each {@link Dimension} is a list of
 * checks worth some points; a check earns a share (credit 0–1) of its points; a dimension's score
 * is {@code 100 · Σ points·credit / Σ points}; the overall score is the mean of the nine dimension
 * scores (equal weights). Every check yields a {@link Finding} citing what it observed and, where
 * one applies, a {@link PublishedFigure}. Pure functions; thread-safe.
 */
public final class TrustCalculator {
    /** Opt-out rate at or below which consent is healthy; above {@link #OPT_OUT_HIGH} it is a gap. */
    public static final double OPT_OUT_OK = 0.01;
    public static final double OPT_OUT_HIGH = 0.05;
    /** Complaints per item served at or below which recommendations are welcome; above the high mark, a gap. */
    public static final double COMPLAINT_OK = 0.005;
    public static final double COMPLAINT_HIGH = 0.02;
    /** Share of events rejected as malformed at or below which input quality is good. */
    public static final double REJECTED_OK = 0.01;
    public static final double REJECTED_HIGH = 0.05;
    /** The k of k-anonymity considered safe for group signals; half credit from {@link #K_MIN}. */
    public static final int K_SAFE = 50;
    public static final int K_MIN = 10;

    private TrustCalculator() {
    }

    /** {@return the assessment of questionnaire answers; unanswered questions earn nothing} */
    public static TrustAssessment assess(Questionnaire answers) {
        List<Check> checks = new ArrayList<>();
        for (Questionnaire.Question q : Questionnaire.QUESTIONS) {
            String value = answers.answers().get(q.id());
            if (value == null) {
                checks.add(new Check(q.dimension(), q.points(), 0, "Not answered: " + q.text(),
                        "no answer to '" + q.id() + "'", q.figure()));
                continue;
            }
            Questionnaire.Answer a = q.answer(value).orElseThrow();
            checks.add(new Check(q.dimension(), q.points(), a.credit(), a.finding(),
                    "answer to '" + q.id() + "': " + value, q.figure()));
        }
        return score(checks);
    }

    /** {@return the assessment of a running deployment from its configuration and live metrics} */
    public static TrustAssessment selfAssess(SelfAssessmentInputs in) {
        List<Check> c = new ArrayList<>();
        transparency(in, c);
        userControl(in, c);
        consent(in, c);
        minimization(in, c);
        sensitive(in, c);
        decay(in, c);
        quality(in, c);
        oversight(in, c);
        measurement(in, c);
        return score(c);
    }

    private static void transparency(SelfAssessmentInputs in, List<Check> c) {
        Dimension d = Dimension.TRANSPARENCY;
        c.add(flag(d, 2, in.explanationsEnabled(), "Recommendations are served with their reasons.",
                "Explanations are switched off; serve every recommendation with its reasons.",
                "explanations " + (in.explanationsEnabled() ? "on" : "off"), PublishedFigure.TRANSPARENCY_PAYS));
        if (!in.explanationsEnabled()) {
            c.add(Check.of(d, 1, 0, "No served item is explained while explanations are off.",
                    "explanation coverage: 0 by configuration", PublishedFigure.CREEPY_PERSONALIZATION));
        } else if (in.explanationCoverage().isEmpty()) {
            c.add(Check.of(d, 1, 0.5, "Explanation coverage is not measured; collect trust metrics.",
                    "explanation coverage: not measured", PublishedFigure.CREEPY_PERSONALIZATION));
        } else {
            double cov = in.explanationCoverage().get();
            c.add(Check.of(d, 1, cov, cov >= 1 ? "Every served item carried at least one reason."
                            : "Some served items had no reason; find the source that serves them unexplained.",
                    "explanation coverage: " + pct(cov), PublishedFigure.CREEPY_PERSONALIZATION));
        }
    }

    private static void userControl(SelfAssessmentInputs in, List<Check> c) {
        Dimension d = Dimension.USER_CONTROL;
        c.add(flag(d, 1, in.preferenceCenter(), "Users can view and correct their inferred interests.",
                "Users cannot see what is inferred about them; expose the preference center.",
                "preference center " + onOff(in.preferenceCenter()), PublishedFigure.TRANSPARENCY_PAYS));
        c.add(flag(d, 1, in.feedbackOnNextRequest(), "\"Not interested\" and \"too personal\" act on the next request.",
                "Feedback does not act on the next request; apply it immediately.",
                "feedback on next request " + onOff(in.feedbackOnNextRequest()), PublishedFigure.CREEPY_PERSONALIZATION));
        c.add(flag(d, 1, in.personalizationSwitch(), "Users can switch personalization off.",
                "Users cannot switch personalization off; offer the switch.",
                "personalization switch " + onOff(in.personalizationSwitch()), null));
        c.add(band(d, 1, in.complaintRate(), COMPLAINT_OK, COMPLAINT_HIGH, "complaints per item served",
                "Few recommendations draw \"too personal\" or \"not interested\".",
                "Complaints are elevated; look at which sources and variants draw them.",
                "Complaints are high: recommendations feel intrusive or irrelevant; reduce personalization intensity.",
                PublishedFigure.CREEPY_PERSONALIZATION));
    }

    private static void consent(SelfAssessmentInputs in, List<Check> c) {
        Dimension d = Dimension.CONSENT_AND_PURPOSE;
        boolean pbd = in.consentDefault() == dev.candor.consent.ConsentDefault.PRIVACY_BY_DEFAULT;
        c.add(flag(d, 2, pbd, "Nothing is used for personalization until the user opts in.",
                "Data is used until users object; make personalization and behavioural data opt-in.",
                "consent default: " + in.consentDefault().name().toLowerCase(Locale.ROOT),
                PublishedFigure.DEFECTION_OVER_TRUST));
        c.add(flag(d, 1, in.perPurposeConsent(), "Consent is recorded per purpose, so users keep the personalization they value.",
                "One consent covers every use; ask per purpose.",
                "per-purpose consent " + onOff(in.perPurposeConsent()), PublishedFigure.MISSING_PERSONALIZATION_FRUSTRATES));
        c.add(band(d, 1, in.optOutRate(), OPT_OUT_OK, OPT_OUT_HIGH, "opt-out rate",
                "Few users withdraw consent.", "Opt-outs are elevated; check recent changes and experiments.",
                "Opt-outs are high: users are withdrawing consent; find what drives it.",
                PublishedFigure.DEFECTION_OVER_TRUST));
    }

    private static void minimization(SelfAssessmentInputs in, List<Check> c) {
        Dimension d = Dimension.DATA_MINIMIZATION;
        c.add(flag(d, 2, in.retentionConfigured(), "Events are deleted after a retention period.",
                "No retention is configured: events are kept forever; set a TTL per event type.",
                "retention " + (in.retentionConfigured() ? "configured" : "not configured"),
                PublishedFigure.DEFECTION_OVER_TRUST));
        c.add(flag(d, 1, in.pseudonymization(), "User ids are pseudonymized before storage.",
                "Raw user ids reach storage; pseudonymize at the edge.",
                "pseudonymization " + onOff(in.pseudonymization()), null));
        c.add(flag(d, 1, in.erasureWithUnlearning(), "Erasure removes the data and its influence on models.",
                "Erasure leaves the subject's influence in models; retrain or unlearn on erasure.",
                "erasure with unlearning " + onOff(in.erasureWithUnlearning()), PublishedFigure.DEFECTION_OVER_TRUST));
    }

    private static void sensitive(SelfAssessmentInputs in, List<Check> c) {
        Dimension d = Dimension.SENSITIVE_INFERENCES;
        c.add(flag(d, 2, in.sensitiveCategories() > 0, "Sensitive categories are never inferred without an opt-in.",
                "No sensitive categories are configured; anything may be inferred from behaviour.",
                "sensitive categories configured: " + in.sensitiveCategories(), PublishedFigure.CREEPY_PERSONALIZATION));
        int k = in.kAnonymity();
        double credit = k >= K_SAFE ? 1 : k >= K_MIN ? 0.5 : 0;
        c.add(Check.of(d, 1, credit, credit == 1 ? "Group signals rest on at least " + K_SAFE + " people."
                        : "Group signals may rest on fewer than " + K_SAFE + " people; raise k.",
                "k-anonymity k = " + k, null));
    }

    private static void decay(SelfAssessmentInputs in, List<Check> c) {
        Dimension d = Dimension.DECAY_AND_CONTEXT;
        c.add(flag(d, 2, in.decayConfigured(), "Old behaviour loses weight over time.",
                "No event type decays: old behaviour defines users forever; set half-lives.",
                "decay " + (in.decayConfigured() ? "configured" : "not configured"), PublishedFigure.CREEPY_PERSONALIZATION));
        c.add(flag(d, 1, in.contextNeedsConsent(), "Request context is used only with the context purpose.",
                "Request context is used without consent; gate it on the context purpose.",
                "context gated on consent " + onOff(in.contextNeedsConsent()), null));
    }

    private static void quality(SelfAssessmentInputs in, List<Check> c) {
        Dimension d = Dimension.DATA_QUALITY;
        c.add(flag(d, 1, in.inputValidation(), "Malformed events are rejected with an error, not stored.",
                "Malformed events are stored; validate at ingest.",
                "input validation " + onOff(in.inputValidation()), PublishedFigure.DATA_IS_THE_OBSTACLE));
        c.add(band(d, 1, in.rejectedEventRate(), REJECTED_OK, REJECTED_HIGH, "rejected event rate",
                "Few events are rejected as malformed.", "Some integrations send malformed events; fix them at the source.",
                "Many events are malformed: the integration is broken and the profiles built on it are unreliable.",
                PublishedFigure.DATA_IS_THE_OBSTACLE));
    }

    private static void oversight(SelfAssessmentInputs in, List<Check> c) {
        Dimension d = Dimension.HUMAN_OVERSIGHT;
        c.add(flag(d, 1, in.curatedCollections(), "People curate collections and can override the algorithm.",
                "Nobody curates or overrides recommendations; add curated collections.",
                "curated collections " + onOff(in.curatedCollections()), null));
        c.add(flag(d, 1, in.auditLog(), "A hash-chained audit log records changes for review.",
                "No audit log is kept; enable it and review it.",
                "audit log " + onOff(in.auditLog()), PublishedFigure.DEFECTION_OVER_TRUST));
    }

    private static void measurement(SelfAssessmentInputs in, List<Check> c) {
        Dimension d = Dimension.TRUST_MEASUREMENT;
        c.add(flag(d, 1, in.trustMonitoring(), "Opt-outs, complaints and explanation coverage are measured.",
                "Trust is not measured; collect trust metrics next to business metrics.",
                "trust monitoring " + onOff(in.trustMonitoring()), PublishedFigure.CREEPY_PERSONALIZATION));
        c.add(flag(d, 1, in.experimentGuardrails(), "Experiments run with opt-out and complaint guardrails.",
                "Experiments have no trust guardrails; add them.",
                "experiment guardrails " + onOff(in.experimentGuardrails()), PublishedFigure.DEFECTION_OVER_TRUST));
    }

    private static Check flag(Dimension d, double points, boolean met, String ok, String gap, String observed,
                              PublishedFigure figure) {
        return Check.of(d, points, met ? 1 : 0, met ? ok : gap, observed, figure);
    }

    /** A measured rate: full credit at or below {@code ok}, half up to {@code high}, none above; half when unmeasured. */
    private static Check band(Dimension d, double points, Optional<Double> rate, double ok, double high, String what,
                              String good, String elevated, String bad, PublishedFigure figure) {
        if (rate.isEmpty()) {
            return Check.of(d, points, 0.5, "The " + what + " is not measured; collect trust metrics.",
                    what + ": not measured", figure);
        }
        double r = rate.get();
        double credit = r <= ok ? 1 : r <= high ? 0.5 : 0;
        return Check.of(d, points, credit, credit == 1 ? good : credit > 0 ? elevated : bad,
                what + ": " + pct(r) + " (healthy ≤ " + pct(ok) + ", high > " + pct(high) + ")", figure);
    }

    static TrustAssessment score(List<Check> checks) {
        List<DimensionScore> dims = new ArrayList<>();
        double sum = 0;
        for (Dimension d : Dimension.values()) {
            double possible = 0;
            double earned = 0;
            List<Finding> findings = new ArrayList<>();
            for (Check c : checks) {
                if (c.dimension() == d) {
                    possible += c.points();
                    earned += c.points() * c.credit();
                    findings.add(c.finding());
                }
            }
            double s = possible == 0 ? 0 : 100 * earned / possible;
            sum += s;
            findings.sort(Comparator.comparingInt(f -> order(f.status())));
            dims.add(new DimensionScore(d, d.label(), (int) Math.round(s), findings));
        }
        return new TrustAssessment((int) Math.round(sum / Dimension.values().length), dims);
    }

    private static int order(Status s) {
        return switch (s) {
            case GAP -> 0;
            case PARTIAL -> 1;
            case MET -> 2;
        };
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    private static String pct(double r) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * r);
    }
}
