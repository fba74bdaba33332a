package dev.candor.trust;

/**
 * Published figures findings cite as evidence, each with its source. Figures whose primary source
 * has not been checked by the Candor maintainers say so in {@link #source()}; replace the note
 * with the citation once it is confirmed (see docs/trust.md).
 */
public enum PublishedFigure {
    /** Creepiness. */
    TOO_ACCURATE_IS_CREEPY("43% of consumers are uncomfortable when personalization feels too accurate (\"creepy\")",
            "figure as cited in Candor issue 6; primary source not yet confirmed"),
    /** Privacy violations cost customers. */
    ABANDON_AFTER_PRIVACY_VIOLATION("41% of consumers would abandon a brand after a privacy violation",
            "figure as cited in Candor issue 6; primary source not yet confirmed"),
    /** Data quality sinks personalization. */
    POOR_DATA_QUALITY_FAILS("45% of personalization initiatives fail because of poor data quality",
            "figure as cited in Candor issue 6; primary source not yet confirmed"),
    /** Transparency and control pay. */
    TRANSPARENT_CONTROL_CLV("Transparent, user-controlled personalization sees 19.2% higher customer lifetime value",
            "figure as cited in Candor issue 6; primary source not yet confirmed"),
    /** Missing personalization frustrates too. */
    MISSING_PERSONALIZATION_FRUSTRATES("76% of consumers get frustrated when personalization is missing",
            "McKinsey & Company, \"The value of getting personalization right—or wrong—is multiplying\", Next in Personalization 2021 report");

    private final String statement;
    private final String source;

    PublishedFigure(String statement, String source) {
        this.statement = statement;
        this.source = source;
    }

    public String statement() {
        return statement;
    }

    public String source() {
        return source;
    }

    /** {@return the statement with its source, as findings cite it} */
    public String citation() {
        return statement + " (source: " + source + ")";
    }
}
