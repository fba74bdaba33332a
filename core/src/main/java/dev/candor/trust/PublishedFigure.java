package dev.candor.trust;

/**
 * Published figures findings cite as evidence, each with its source (where only a secondary report
 * was found, the source names it). See docs/trust.md for why these figures and not others.
 */
public enum PublishedFigure {
    /** Personalization that oversteps feels creepy. */
    CREEPY_PERSONALIZATION("75% of US consumers find most forms of personalization at least somewhat creepy",
            "InMoment, consumer survey of December 2017, as reported by eMarketer, \"Brands Know They're Being Creepy\" (2018)"),
    /** Lost trust costs customers. */
    DEFECTION_OVER_TRUST("41% of US consumers left a company because of poor personalization and lack of trust",
            "an Accenture study (2017), as reported by eMarketer, \"Brands Know They're Being Creepy\" (2018)"),
    /** Data sinks personalization programmes. */
    DATA_IS_THE_OBSTACLE("27% of marketers name data as the key obstacle to personalization, and 80% of those who invested in it are "
            + "expected to abandon it by 2025 for lack of return, the perils of customer data management, or both",
            "Gartner, \"Predicts 2020: Marketers, They're Just Not That Into You\" (press release, December 2019)"),
    /** Transparency pays. */
    TRANSPARENCY_PAYS("Telling shoppers that an ad was based on their activity on the site raised click-through by 11%, time spent "
            + "on the product by 34% and its revenue by 38%; inferring from outside sources cut purchase intent by 17%",
            "L. K. John, T. Kim and K. Barasz, \"Ads That Don't Overstep\", Harvard Business Review, January–February 2018"),
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
