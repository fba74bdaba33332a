package dev.candor.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.monitor.TrustMetrics;
import dev.candor.consent.ConsentDefault;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TrustCalculatorTest {
    /** A well-run deployment: everything on, healthy measured rates. */
    static SelfAssessmentInputs.Builder good() {
        return SelfAssessmentInputs.builder().retentionConfigured(true).curatedCollections(true).auditLog(true)
                .trustMonitoring(true).experimentGuardrails(true).explanationCoverage(1.0).optOutRate(0.002)
                .complaintRate(0.001).rejectedEventRate(0.0);
    }

    @Test
    void selfAssess_wellRunDeployment_scoresFull() {
        TrustAssessment a = TrustCalculator.selfAssess(good().build());
        assertThat(a.overall()).isEqualTo(100);
        assertThat(a.dimensions()).hasSize(9).allMatch(d -> d.score() == 100);
    }

    @Test
    void selfAssess_candorDefaults_handComputedRubric() {
        TrustAssessment a = TrustCalculator.selfAssess(SelfAssessmentInputs.builder().build());
        // transparency: (2 + 0.5·1) / 3 = 83.3; user control: (1 + 1 + 1 + 0.5) / 4 = 87.5; consent: (2 + 1 + 0.5) / 4
        // minimization: (0 + 1 + 1) / 4 = 50; sensitive, decay: 100; quality: (1 + 0.5) / 2 = 75; oversight, measurement: 0
        assertThat(a.dimension(Dimension.TRANSPARENCY).score()).isEqualTo(83);
        assertThat(a.dimension(Dimension.USER_CONTROL).score()).isEqualTo(88);
        assertThat(a.dimension(Dimension.CONSENT_AND_PURPOSE).score()).isEqualTo(88);
        assertThat(a.dimension(Dimension.DATA_MINIMIZATION).score()).isEqualTo(50);
        assertThat(a.dimension(Dimension.SENSITIVE_INFERENCES).score()).isEqualTo(100);
        assertThat(a.dimension(Dimension.DECAY_AND_CONTEXT).score()).isEqualTo(100);
        assertThat(a.dimension(Dimension.DATA_QUALITY).score()).isEqualTo(75);
        assertThat(a.dimension(Dimension.HUMAN_OVERSIGHT).score()).isZero();
        assertThat(a.dimension(Dimension.TRUST_MEASUREMENT).score()).isZero();
        // (83.33 + 87.5 + 87.5 + 50 + 100 + 100 + 75 + 0 + 0) / 9 = 64.8
        assertThat(a.overall()).isEqualTo(65);
    }

    private static void assertLowers(UnaryOperator<SelfAssessmentInputs.Builder> change, Dimension dimension) {
        TrustAssessment before = TrustCalculator.selfAssess(good().build());
        TrustAssessment after = TrustCalculator.selfAssess(change.apply(good()).build());
        assertThat(after.dimension(dimension).score()).as(dimension.label()).isLessThan(before.dimension(dimension).score());
        assertThat(after.overall()).isLessThan(before.overall());
        for (Dimension other : Dimension.values()) {
            if (other != dimension) {
                assertThat(after.dimension(other).score()).as(other.label()).isEqualTo(before.dimension(other).score());
            }
        }
        // and from a mediocre starting point too
        SelfAssessmentInputs.Builder plain = SelfAssessmentInputs.builder().retentionConfigured(true);
        TrustAssessment b2 = TrustCalculator.selfAssess(plain.build());
        TrustAssessment a2 = TrustCalculator.selfAssess(change.apply(SelfAssessmentInputs.builder().retentionConfigured(true)).build());
        assertThat(a2.dimension(dimension).score()).isLessThan(b2.dimension(dimension).score());
        assertThat(a2.overall()).isLessThan(b2.overall());
    }

    @Test
    void selfAssess_explanationsOff_lowersTransparencyAndOverall() {
        assertLowers(b -> b.explanationsEnabled(false), Dimension.TRANSPARENCY);
    }

    @Test
    void selfAssess_invasiveConsentDefault_lowersConsentAndOverall() {
        assertLowers(b -> b.consentDefault(ConsentDefault.INVASIVE), Dimension.CONSENT_AND_PURPOSE);
    }

    @Test
    void selfAssess_retentionRemoved_lowersMinimizationAndOverall() {
        assertLowers(b -> b.retentionConfigured(false), Dimension.DATA_MINIMIZATION);
    }

    @Test
    void selfAssess_highOptOutsAndComplaints_lowerScores() {
        TrustAssessment bad = TrustCalculator.selfAssess(good().optOutRate(0.2).complaintRate(0.1).build());
        assertThat(bad.dimension(Dimension.CONSENT_AND_PURPOSE).score()).isEqualTo(75);
        assertThat(bad.dimension(Dimension.USER_CONTROL).score()).isEqualTo(75);
    }

    @Test
    void findings_citeEvidenceWithSources() {
        TrustAssessment a = TrustCalculator.selfAssess(good().explanationsEnabled(false).build());
        Finding gap = a.dimension(Dimension.TRANSPARENCY).findings().getFirst();
        assertThat(gap.status()).isEqualTo(Finding.Status.GAP);
        assertThat(gap.evidence()).contains("explanations off").contains("raised click-through by 11%")
                .contains("source:");
        assertThat(a.dimensions()).allSatisfy(d -> assertThat(d.findings()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.evidence()).isNotBlank()));
        String all = a.dimensions().stream().flatMap(d -> d.findings().stream()).map(Finding::evidence).reduce("", String::concat);
        for (PublishedFigure f : PublishedFigure.values()) {
            assertThat(all).contains(f.statement());
        }
    }

    @Test
    void metrics_fromMonitor_feedTheInputs() {
        TrustMetrics m = new TrustMetrics(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), 100, Map.of(), 10,
                Optional.of(0.10), 5, 20, 10, Optional.of(0.5), 0, Optional.of(0.0), 0, Optional.empty(), Optional.empty(),
                0, Map.of(), Optional.empty());
        SelfAssessmentInputs in = SelfAssessmentInputs.builder().metrics(m).build();
        assertThat(in.explanationCoverage()).contains(0.5);
        assertThat(in.optOutRate()).contains(0.10);
        assertThat(in.trustMonitoring()).isTrue();
    }

    @Test
    void questionnaire_bestAnswers_scoreFull_andEmptyScoresZero() {
        assertThat(TrustCalculator.assess(Questionnaire.best()).overall()).isEqualTo(100);
        TrustAssessment none = TrustCalculator.assess(new Questionnaire(Map.of()));
        assertThat(none.overall()).isZero();
        assertThat(none.dimension(Dimension.TRANSPARENCY).findings().getFirst().text()).startsWith("Not answered:");
    }

    @Test
    void questionnaire_everyDimensionHasQuestions_andIdsAreUnique() {
        Set<Dimension> covered = EnumSet.noneOf(Dimension.class);
        Questionnaire.QUESTIONS.forEach(q -> covered.add(q.dimension()));
        assertThat(covered).containsExactlyInAnyOrder(Dimension.values());
        assertThat(Questionnaire.QUESTIONS.stream().map(Questionnaire.Question::id).distinct().count())
                .isEqualTo(Questionnaire.QUESTIONS.size());
    }

    @Test
    void questionnaire_worseAnswer_lowersItsDimension() {
        TrustAssessment best = TrustCalculator.assess(Questionnaire.best());
        TrustAssessment optOut = TrustCalculator.assess(Questionnaire.best().with("consent_default", "opt_out"));
        // consent: (0·2 + 1) / 3 = 33
        assertThat(optOut.dimension(Dimension.CONSENT_AND_PURPOSE).score()).isEqualTo(33);
        assertThat(optOut.overall()).isLessThan(best.overall());
        Finding f = optOut.dimension(Dimension.CONSENT_AND_PURPOSE).findings().getFirst();
        assertThat(f.evidence()).contains("answer to 'consent_default': opt_out").contains("41% of US consumers left a company");
    }

    @Test
    void questionnaire_invalidAnswers_rejected() {
        assertThatThrownBy(() -> new Questionnaire(Map.of("nope", "yes"))).hasMessage("unknown question id: nope");
        assertThatThrownBy(() -> new Questionnaire(Map.of("retention", "maybe")))
                .hasMessage("answer to retention must be one of [yes, no]");
        assertThatThrownBy(() -> SelfAssessmentInputs.builder().optOutRate(2).build())
                .hasMessage("optOutRate must be in [0, 1]. Provided value: 2.0");
    }
}
