package dev.candor.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.SubjectId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ExposureLog} must have. Store implementations subclass it (as
 * {@link InMemoryExposureLogTest} does) and return a fresh, empty log from {@link #newLog()}.
 */
public abstract class ExposureLogContract {
    protected static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    protected static final ExperimentId EXP = ExperimentId.of("exp");
    protected static final SubjectId ALICE = SubjectId.of("a1".repeat(32));
    protected static final SubjectId BOB = SubjectId.of("b2".repeat(32));

    protected ExposureLog log;

    protected abstract ExposureLog newLog();

    @BeforeEach
    void setUp() {
        log = newLog();
    }

    private static Impression imp(String request, String variant, SubjectId s, int second) {
        return new Impression(request, EXP, variant, s, T0.plusSeconds(second));
    }

    @Test
    void recordImpression_sameRequestTwice_countsOnce() {
        assertThat(log.recordImpression(imp("r1", "control", ALICE, 0))).isTrue();
        assertThat(log.recordImpression(imp("r1", "control", ALICE, 5))).isFalse();
        assertThat(log.totals(EXP).get("control").impressions()).isEqualTo(1);
        assertThat(log.impression("r1")).contains(imp("r1", "control", ALICE, 0));
        assertThat(log.impression("nope")).isEmpty();
    }

    @Test
    void attribute_outcomes_setFlagsOncePerImpressionAndSumRevenue() {
        log.recordImpression(imp("r1", "control", ALICE, 0));
        log.recordImpression(imp("r2", "control", ALICE, 1));
        log.recordImpression(imp("r3", "treat", BOB, 2));
        Instant t = T0.plusSeconds(10);
        assertThat(log.attribute("r1", new Outcome.Click(t))).isTrue();
        assertThat(log.attribute("r1", new Outcome.Click(t))).isTrue();
        assertThat(log.attribute("r1", new Outcome.Conversion(t, Optional.of(10.0)))).isTrue();
        assertThat(log.attribute("r1", new Outcome.Conversion(t, Optional.of(5.0)))).isTrue();
        assertThat(log.attribute("r2", new Outcome.Conversion(t, Optional.empty()))).isTrue();
        assertThat(log.attribute("r3", new Outcome.TooPersonal(t))).isTrue();
        assertThat(log.attribute("r3", new Outcome.NotInterested(t))).isTrue();
        assertThat(log.attribute("unknown", new Outcome.Click(t))).isFalse();
        Map<String, VariantTotals> totals = log.totals(EXP);
        // control: 2 impressions, 1 clicked, 2 converted, revenue r1 = 15, r2 = 0 → Σr = 15, Σr² = 225
        assertThat(totals.get("control")).isEqualTo(new VariantTotals(2, 1, 2, 0, 0, 2, 15, 225, 1, 0, 0, 0));
        assertThat(totals.get("treat")).isEqualTo(new VariantTotals(1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0));
        assertThat(log.totals(ExperimentId.of("other"))).isEmpty();
    }

    @Test
    void markSubject_countsOncePerParticipation_onlyAfterFirstExposure() {
        log.recordImpression(imp("r1", "control", ALICE, 100));
        assertThat(log.markSubject(ALICE, SubjectOutcome.OPTED_OUT, T0)).isZero(); // before first exposure
        assertThat(log.markSubject(ALICE, SubjectOutcome.OPTED_OUT, T0.plusSeconds(200))).isEqualTo(1);
        assertThat(log.markSubject(ALICE, SubjectOutcome.OPTED_OUT, T0.plusSeconds(300))).isZero();
        assertThat(log.markSubject(BOB, SubjectOutcome.CORRECTED, T0.plusSeconds(300))).isZero(); // not a participant
        assertThat(log.totals(EXP).get("control").optedOut()).isEqualTo(1);
    }

    @Test
    void eraseSubject_deletesTheSubjectsRows_andKeepsTotalsExactly() {
        log.recordImpression(imp("r1", "control", ALICE, 0));
        log.recordImpression(imp("r2", "control", BOB, 0));
        log.recordImpression(imp("r3", "control", ALICE, 1));
        log.attribute("r1", new Outcome.Click(T0.plusSeconds(1)));
        log.attribute("r1", new Outcome.Conversion(T0.plusSeconds(2), Optional.of(7.5), Optional.of("sku-1")));
        log.attribute("r2", new Outcome.TooPersonal(T0.plusSeconds(2)));
        log.markSubject(ALICE, SubjectOutcome.ERASED, T0.plusSeconds(2));
        Map<String, VariantTotals> before = log.totals(EXP);
        assertThat(log.eraseSubject(ALICE)).isEqualTo(3); // two impressions, one participation
        assertThat(log.totals(EXP)).isEqualTo(before);
        VariantTotals t = log.totals(EXP).get("control");
        assertThat(t).isEqualTo(new VariantTotals(3, 1, 1, 1, 0, 1, 7.5, 56.25, 2, 0, 0, 1));
        assertThat(log.impression("r1")).isEmpty();
        assertThat(log.impression("r3")).isEmpty();
        assertThat(log.impression("r2")).contains(imp("r2", "control", BOB, 0));
        // later outcomes of the erased person's responses find nothing
        assertThat(log.attribute("r1", new Outcome.Click(T0.plusSeconds(3)))).isFalse();
        assertThat(log.markSubject(ALICE, SubjectOutcome.OPTED_OUT, T0.plusSeconds(3))).isZero();
        assertThat(log.eraseSubject(ALICE)).isZero();
        assertThat(log.totals(EXP)).isEqualTo(before);
        // erasing the other participant too leaves the totals still unchanged
        log.eraseSubject(BOB);
        assertThat(log.totals(EXP)).isEqualTo(before);
    }

    @Test
    void attribute_conversionOfTheSameItemTwice_countsRevenueOnce() {
        log.recordImpression(imp("r1", "control", ALICE, 0));
        Instant t = T0.plusSeconds(10);
        assertThat(log.attribute("r1", new Outcome.Conversion(t, Optional.of(10.0), Optional.of("sku-1")))).isTrue();
        assertThat(log.attribute("r1", new Outcome.Conversion(t, Optional.of(10.0), Optional.of("sku-1")))).isTrue(); // retry
        assertThat(log.attribute("r1", new Outcome.Conversion(t, Optional.of(4.0), Optional.of("sku-2")))).isTrue();
        VariantTotals c = log.totals(EXP).get("control");
        assertThat(c.revenueConversions()).isEqualTo(2);
        assertThat(c.revenueSum()).isEqualTo(14.0);
        assertThat(c.revenueSumSquares()).isEqualTo(196.0);
    }

    @Test
    void attributeAll_creditsKnownImpressionsInOneCall() {
        log.recordImpression(imp("r1", "control", ALICE, 0));
        log.recordImpression(imp("r2", "treat", BOB, 0));
        Instant t = T0.plusSeconds(5);
        int n = log.attributeAll(java.util.List.of(new ExposureLog.Credit("r1", new Outcome.Click(t)),
                new ExposureLog.Credit("r2", new Outcome.Conversion(t, Optional.of(3.0), Optional.of("x"))),
                new ExposureLog.Credit("missing", new Outcome.Click(t))));
        assertThat(n).isEqualTo(2);
        assertThat(log.totals(EXP).get("control").clicked()).isEqualTo(1);
        assertThat(log.totals(EXP).get("treat").revenueSum()).isEqualTo(3.0);
        assertThat(log.impressions(java.util.List.of("r1", "r2", "missing")).keySet()).containsExactly("r1", "r2");
    }

    @Test
    void participations_listWhatTheSubjectTookPartIn() {
        ExperimentId other = ExperimentId.of("another");
        log.recordImpression(imp("r1", "treat", ALICE, 5));
        log.recordImpression(imp("r2", "treat", ALICE, 9));
        log.recordImpression(new Impression("r3", other, "x", ALICE, T0.plusSeconds(20)));
        log.recordImpression(imp("r4", "control", BOB, 1));
        log.markSubject(ALICE, SubjectOutcome.CORRECTED, T0.plusSeconds(30));
        assertThat(log.participations(ALICE)).containsExactly(
                new ExposureLog.Participation(other, "x", T0.plusSeconds(20), 1, false, true),
                new ExposureLog.Participation(EXP, "treat", T0.plusSeconds(5), 2, false, true));
        log.eraseSubject(ALICE);
        assertThat(log.participations(ALICE)).isEmpty();
        assertThat(log.participations(BOB)).hasSize(1);
    }
}
