package dev.candor.store.sql;

/** The two SQL databases Candor runs on, and where each keeps its migrations. */
enum Dialect {
    SQLITE("classpath:db/migration/sqlite"),
    POSTGRES("classpath:db/migration/postgres");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    String migrations() {
        return migrations;
    }
}
