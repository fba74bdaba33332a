package dev.candor.store.sql;

import dev.candor.store.ApiKeyStore;
import dev.candor.store.ConsentStore;
import dev.candor.store.EventStore;
import dev.candor.store.FeedbackStore;
import dev.candor.store.ItemStore;
import dev.candor.store.PreferenceStore;
import dev.candor.store.Storage;

/** {@link Storage} over one SQL database (SQLite or PostgreSQL). */
public final class SqlStorage implements Storage {
    private final Database db;
    private final SqlItemStore items;
    private final SqlConsentStore consents;
    private final SqlEventStore events;
    private final SqlPreferenceStore preferences;
    private final SqlFeedbackStore feedback;
    private final SqlApiKeyStore apiKeys;
    private final SqlAuditStore audit;
    private final SqlSubjectKeyStore subjectKeys;
    private final SqlBudgetStore budget;
    private final SqlExperimentStore experiments;
    private final SqlExposureLog exposures;
    private final SqlCollectionStore collections;
    private final SqlMonitorStore monitor;

    SqlStorage(Database db) {
        this.db = db;
        this.items = new SqlItemStore(db);
        this.consents = new SqlConsentStore(db);
        this.events = new SqlEventStore(db);
        this.preferences = new SqlPreferenceStore(db);
        this.feedback = new SqlFeedbackStore(db);
        this.apiKeys = new SqlApiKeyStore(db);
        this.audit = new SqlAuditStore(db);
        this.subjectKeys = new SqlSubjectKeyStore(db);
        this.budget = new SqlBudgetStore(db);
        this.experiments = new SqlExperimentStore(db);
        this.exposures = new SqlExposureLog(db);
        this.collections = new SqlCollectionStore(db);
        this.monitor = new SqlMonitorStore(db);
    }

    @Override
    public ItemStore items() {
        return items;
    }

    @Override
    public ConsentStore consents() {
        return consents;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public PreferenceStore preferences() {
        return preferences;
    }

    @Override
    public FeedbackStore feedback() {
        return feedback;
    }

    @Override
    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    @Override
    public dev.candor.privacy.dp.BudgetLedger.Store privacyBudget() {
        return budget;
    }

    @Override
    public dev.candor.privacy.SubjectKeyStore subjectKeys() {
        return subjectKeys;
    }

    @Override
    public dev.candor.audit.AuditStore audit() {
        return audit;
    }

    @Override
    public dev.candor.experiment.ExperimentStore experiments() {
        return experiments;
    }

    @Override
    public dev.candor.experiment.ExposureLog exposures() {
        return exposures;
    }

    @Override
    public dev.candor.store.CollectionStore collections() {
        return collections;
    }

    @Override
    public dev.candor.store.MonitorStore monitor() {
        return monitor;
    }

    @Override
    public void purgeDeleted() {
        db.purgeDeleted();
    }

    @Override
    public boolean isHealthy() {
        return db.isHealthy();
    }

    @Override
    public String description() {
        return db.description();
    }

    @Override
    public void close() {
        try {
            events.close();
            exposures.close();
        } finally {
            db.close();
        }
    }
}
