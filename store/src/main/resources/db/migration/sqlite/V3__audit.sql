-- The audit chain: append-only, each entry hashes the previous. audit_head is moved in the same
-- transaction as each append, so a removed last entry is detected. audit_subjects holds each person's
-- random salt; erasure deletes it, after which their entries cannot be tied to them.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject_ref TEXT,
    details     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject_ref);

CREATE TABLE audit_head (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    seq         INTEGER NOT NULL,
    hash        TEXT NOT NULL
);

CREATE TABLE audit_subjects (
    subject     TEXT PRIMARY KEY,
    salt        BLOB NOT NULL
);
