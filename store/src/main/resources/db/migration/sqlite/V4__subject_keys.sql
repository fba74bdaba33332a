-- Per-person data keys for encrypted fields (events.payload), wrapped by the master key kept in the
-- data directory. Erasure deletes the row: what was encrypted under it cannot be read any more.
CREATE TABLE subject_keys (
    subject     TEXT PRIMARY KEY,
    wrapped     BLOB NOT NULL
);
