-- Experiments, curated collections and the monitors' counts (issue 6). Subjects are pseudonyms.
-- Erasure deletes a subject's rows in experiment_impressions, experiment_participants and
-- experiment_conversions after adding their counts to experiment_erased (anonymous per-variant
-- totals), so results stay consistent and no row names the subject or its request ids.
-- Booleans are 0/1 integers; instants are epoch microseconds except where noted.

CREATE TABLE experiments (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    alpha       REAL NOT NULL,
    mixing_sd   REAL NOT NULL,
    start_at    INTEGER NOT NULL,
    stop_at     INTEGER,
    surfaces    TEXT NOT NULL
);

CREATE TABLE experiment_variants (
    experiment  TEXT NOT NULL REFERENCES experiments (id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    weight      REAL NOT NULL,
    strategy    TEXT NOT NULL,
    collections TEXT NOT NULL,
    PRIMARY KEY (experiment, position)
);

CREATE TABLE experiment_guardrails (
    experiment     TEXT NOT NULL REFERENCES experiments (id),
    metric         TEXT NOT NULL,
    max_rate       REAL,
    versus_control INTEGER NOT NULL,
    PRIMARY KEY (experiment, metric)
);

CREATE TABLE experiment_impressions (
    request_id          TEXT PRIMARY KEY,
    experiment          TEXT NOT NULL,
    variant             TEXT NOT NULL,
    subject             TEXT NOT NULL,
    at                  INTEGER NOT NULL,
    clicked             INTEGER NOT NULL DEFAULT 0,
    converted           INTEGER NOT NULL DEFAULT 0,
    too_personal        INTEGER NOT NULL DEFAULT 0,
    not_interested      INTEGER NOT NULL DEFAULT 0,
    revenue_conversions INTEGER NOT NULL DEFAULT 0,
    revenue             REAL NOT NULL DEFAULT 0
);
CREATE INDEX experiment_impressions_experiment ON experiment_impressions (experiment, variant);
CREATE INDEX experiment_impressions_subject ON experiment_impressions (subject);

CREATE TABLE experiment_participants (
    experiment      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    variant         TEXT NOT NULL,
    first_exposure  INTEGER NOT NULL,
    opted_out       INTEGER NOT NULL DEFAULT 0,
    corrected       INTEGER NOT NULL DEFAULT 0,
    erased          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (experiment, subject)
);
CREATE INDEX experiment_participants_subject ON experiment_participants (subject);

-- One row per converted (response, item): a retried conversion event counts once.
CREATE TABLE experiment_conversions (
    request_id  TEXT NOT NULL,
    item        TEXT NOT NULL,
    PRIMARY KEY (request_id, item)
);

CREATE TABLE experiment_erased (
    experiment          TEXT NOT NULL,
    variant             TEXT NOT NULL,
    impressions         INTEGER NOT NULL,
    clicked             INTEGER NOT NULL,
    converted           INTEGER NOT NULL,
    too_personal        INTEGER NOT NULL,
    not_interested      INTEGER NOT NULL,
    revenue_conversions INTEGER NOT NULL,
    revenue_sum         REAL NOT NULL,
    revenue_sum_squares REAL NOT NULL,
    subjects            INTEGER NOT NULL,
    opted_out           INTEGER NOT NULL,
    corrected           INTEGER NOT NULL,
    erased              INTEGER NOT NULL,
    PRIMARY KEY (experiment, variant)
);

CREATE TABLE collections (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    items       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- Trust metrics per time bucket (bucket_start in epoch milliseconds): named counters, erasure
-- latencies, and the consent census at the bucket's last change. Counts only.
CREATE TABLE trust_counters (
    bucket_start INTEGER NOT NULL,
    name         TEXT NOT NULL,
    value        INTEGER NOT NULL,
    PRIMARY KEY (bucket_start, name)
);

CREATE TABLE trust_erasures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket_start INTEGER NOT NULL,
    millis       INTEGER NOT NULL
);
CREATE INDEX trust_erasures_bucket ON trust_erasures (bucket_start);

CREATE TABLE trust_census (
    bucket_start INTEGER NOT NULL,
    name         TEXT NOT NULL,
    value        INTEGER NOT NULL,
    PRIMARY KEY (bucket_start, name)
);

-- Items served per UTC day (day = epoch day), for exposure fairness. Catalog data only.
CREATE TABLE item_exposure (
    day     INTEGER NOT NULL,
    item    TEXT NOT NULL,
    served  INTEGER NOT NULL,
    PRIMARY KEY (day, item)
);
