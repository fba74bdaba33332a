package dev.candor.experiment;

/**
 * Aggregate counts of one variant, what a store returns for analysis. Impression counts are
 * impressions with at least one such outcome; revenue sums are over impressions of the per-impression
 * revenue total (so {@code revenueSumSquares} is Σ rᵢ², with rᵢ all revenue credited to impression i).
 *
 * @param impressions          impressions served
 * @param clicked              impressions with ≥ 1 click
 * @param converted            impressions with ≥ 1 conversion
 * @param tooPersonal          impressions with ≥ 1 "too personal"
 * @param notInterested        impressions with ≥ 1 "not interested"
 * @param revenueConversions   conversions that carried revenue (0: revenue was never sent)
 * @param revenueSum           Σ rᵢ
 * @param revenueSumSquares    Σ rᵢ²
 * @param subjects             distinct participants (erased participants still counted, anonymously)
 * @param optedOut             participants who opted out after first exposure
 * @param corrected            participants who corrected their profile after first exposure
 * @param erased               participants who asked for erasure after first exposure
 */
public record VariantTotals(long impressions, long clicked, long converted, long tooPersonal, long notInterested,
                            long revenueConversions, double revenueSum, double revenueSumSquares,
                            long subjects, long optedOut, long corrected, long erased) {
    public static final VariantTotals EMPTY = new VariantTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public VariantTotals {
        for (long c : new long[] {clicked, converted, tooPersonal, notInterested}) {
            if (c < 0 || c > impressions) {
                throw new IllegalArgumentException("impression counts must be in [0, impressions]");
            }
        }
        for (long c : new long[] {optedOut, corrected, erased}) {
            if (c < 0 || c > subjects) {
                throw new IllegalArgumentException("subject counts must be in [0, subjects]");
            }
        }
        if (revenueConversions < 0 || !(revenueSum >= 0) || !(revenueSumSquares >= 0)) {
            throw new IllegalArgumentException("revenue totals must be >= 0");
        }
    }

    /** {@return the numerator of {@code metric}} */
    public long count(ExperimentMetric metric) {
        return switch (metric) {
            case CTR -> clicked;
            case CONVERSION -> converted;
            case TOO_PERSONAL -> tooPersonal;
            case NOT_INTERESTED -> notInterested;
            case OPT_OUT -> optedOut;
            case CORRECTION -> corrected;
            case ERASURE -> erased;
        };
    }

    /** {@return the denominator of {@code metric}: impressions or participants} */
    public long trials(ExperimentMetric metric) {
        return metric.unit() == ExperimentMetric.Unit.IMPRESSION ? impressions : subjects;
    }
}
