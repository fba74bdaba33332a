-- Experiments, curated collections and the monitors' counts (issue 6). Subjects are pseudonyms.
-- Erasure deletes a subject's rows in experiment_impressions, experiment_participants and
-- experiment_conversions after adding their counts to experiment_erased (anonymous per-variant
-- totals), so results stay consistent and no row names the subject or its request ids.
-- Booleans are 0/1 integers; instants are epoch microseconds except where noted.

CREATE TABLE experiments (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    alpha       DOUBLE PRECISION NOT NULL,
    mixing_sd   DOUBLE PRECISION NOT NULL,
    start_at    BIGINT NOT NULL,
    stop_at     BIGINT,
    surfaces    TEXT NOT NULL
);

CREATE TABLE experiment_variants (
    experiment  TEXT NOT NULL REFERENCES experiments (id),
    position    BIGINT NOT NULL,
    name        TEXT NOT NULL,
    weight      DOUBLE PRECISION NOT NULL,
    strategy    TEXT NOT NULL,
    collections TEXT NOT NULL,
    PRIMARY KEY (experiment, position)
);

CREATE TABLE experiment_guardrails (
    experiment     TEXT NOT NULL REFERENCES experiments (id),
    metric         TEXT NOT NULL,
    max_rate       DOUBLE PRECISION,
    versus_control BIGINT NOT NULL,
    PRIMARY KEY (experiment, metric)
);

CREATE TABLE experiment_impressions (
    request_id          TEXT PRIMARY KEY,
    experiment          TEXT NOT NULL,
    variant             TEXT NOT NULL,
    subject             TEXT NOT NULL,
    at                  BIGINT NOT NULL,
    clicked             BIGINT NOT NULL DEFAULT 0,
    converted           BIGINT NOT NULL DEFAULT 0,
    too_personal        BIGINT NOT NULL DEFAULT 0,
    not_interested      BIGINT NOT NULL DEFAULT 0,
    revenue_conversions BIGINT NOT NULL DEFAULT 0,
    revenue             DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX experiment_impressions_experiment ON experiment_impressions (experiment, variant);
CREATE INDEX experiment_impressions_subject ON experiment_impressions (subject);

CREATE TABLE experiment_participants (
    experiment      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    variant         TEXT NOT NULL,
    first_exposure  BIGINT NOT NULL,
    opted_out       BIGINT NOT NULL DEFAULT 0,
    corrected       BIGINT NOT NULL DEFAULT 0,
    erased          BIGINT NOT NULL DEFAULT 0,
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
    impressions         BIGINT NOT NULL,
    clicked             BIGINT NOT NULL,
    converted           BIGINT NOT NULL,
    too_personal        BIGINT NOT NULL,
    not_interested      BIGINT NOT NULL,
    revenue_conversions BIGINT NOT NULL,
    revenue_sum         DOUBLE PRECISION NOT NULL,
    revenue_sum_squares DOUBLE PRECISION NOT NULL,
    subjects            BIGINT NOT NULL,
    opted_out           BIGINT NOT NULL,
    corrected           BIGINT NOT NULL,
    erased              BIGINT NOT NULL,
    PRIMARY KEY (experiment, variant)
);

CREATE TABLE collections (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    items       TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- Trust metrics per time bucket (bucket_start in epoch milliseconds): named counters, erasure
-- latencies, and the consent census at the bucket's last change. Counts only.
CREATE TABLE trust_counters (
    bucket_start BIGINT NOT NULL,
    name         TEXT NOT NULL,
    value        BIGINT NOT NULL,
    PRIMARY KEY (bucket_start, name)
);

CREATE TABLE trust_erasures (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bucket_start BIGINT NOT NULL,
    millis       BIGINT NOT NULL
);
CREATE INDEX trust_erasures_bucket ON trust_erasures (bucket_start);

CREATE TABLE trust_census (
    bucket_start BIGINT NOT NULL,
    name         TEXT NOT NULL,
    value        BIGINT NOT NULL,
    PRIMARY KEY (bucket_start, name)
);

-- Items served per UTC day (day = epoch day), for exposure fairness. Catalog data only.
CREATE TABLE item_exposure (
    day     BIGINT NOT NULL,
    item    TEXT NOT NULL,
    served  BIGINT NOT NULL,
    PRIMARY KEY (day, item)
);
