package dev.candor.store;

/**
 * Everything the engine persists, behind one handle: one SQLite file or one PostgreSQL schema.
 * Thread-safe. Closing releases connections; stores must not be used afterwards.
 */
public interface Storage extends AutoCloseable {
    ItemStore items();

    ConsentStore consents();

    EventStore events();

    PreferenceStore preferences();

    FeedbackStore feedback();

    ApiKeyStore apiKeys();

    dev.candor.audit.AuditStore audit();

    /** Differential-privacy budget spent per analyst and data set. */
    dev.candor.privacy.dp.BudgetLedger.Store privacyBudget();

    /** Per-person data keys for encrypted fields, stored wrapped. */
    dev.candor.privacy.SubjectKeyStore subjectKeys();

    /** Experiment definitions. */
    dev.candor.experiment.ExperimentStore experiments();

    /** Impressions served under experiments and the outcomes attributed to them. */
    dev.candor.experiment.ExposureLog exposures();

    /** Curated collections. */
    CollectionStore collections();

    /** Trust-metric buckets and item exposure (counts only). */
    MonitorStore monitor();

    /**
     * Makes deleted rows unrecoverable from the database files where the database allows it (SQLite:
     * deleted content is zeroed by {@code secure_delete} and the write-ahead log is checkpointed and
     * truncated; PostgreSQL: the tables holding personal data are vacuumed). Called after erasure.
     */
    default void purgeDeleted() {
    }

    /** {@return whether the database answers a trivial query now} */
    boolean isHealthy();

    /** {@return where the data lives, without credentials, e.g. {@code sqlite:/var/candor/candor.db}} */
    String description();

    @Override
    void close();
}
