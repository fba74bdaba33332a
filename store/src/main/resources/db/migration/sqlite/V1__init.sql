-- Candor schema, SQLite dialect. Subjects are pseudonyms (64 hex chars of HMAC-SHA256); raw user
-- ids never reach this database. Instants are epoch microseconds.

CREATE TABLE items (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    categories  TEXT NOT NULL,
    attributes  TEXT NOT NULL,
    active      INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE consent (
    subject     TEXT PRIMARY KEY,
    granted     TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE consent_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    subject     TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    granted     INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    source      TEXT NOT NULL
);
CREATE INDEX consent_history_subject ON consent_history (subject, id);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    subject     TEXT NOT NULL,
    item        TEXT NOT NULL,
    type        TEXT NOT NULL,
    value       REAL NOT NULL,
    ts          INTEGER NOT NULL,
    session     TEXT,
    device      TEXT,
    daypart     TEXT,
    region      TEXT,
    payload     BLOB
);
CREATE INDEX events_subject ON events (subject, id);

CREATE TABLE preferences (
    subject     TEXT PRIMARY KEY,
    liked       TEXT NOT NULL,
    disliked    TEXT NOT NULL,
    intensity   TEXT NOT NULL,
    sensitive   TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    subject     TEXT NOT NULL,
    item        TEXT NOT NULL,
    signal      TEXT NOT NULL,
    at          INTEGER NOT NULL,
    request_id  TEXT
);
CREATE INDEX feedback_subject ON feedback (subject, id);

CREATE TABLE api_keys (
    key_id      TEXT PRIMARY KEY,
    hash        BLOB NOT NULL,
    scopes      TEXT NOT NULL,
    label       TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
