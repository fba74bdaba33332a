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

    /** {@return whether the database answers a trivial query now} */
    boolean isHealthy();

    /** {@return where the data lives, without credentials, e.g. {@code sqlite:/var/candor/candor.db}} */
    String description();

    @Override
    void close();
}
