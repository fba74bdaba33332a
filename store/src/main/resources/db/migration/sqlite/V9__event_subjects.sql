-- Events name their subject by a compact integer: table subjects maps each pseudonym (64 hex
-- characters) to an id, so event rows and their index no longer repeat the 64-character key.
-- Erasure deletes the subject's events and then its row here, so nothing links the integer to
-- anyone afterwards; AUTOINCREMENT keeps an erased subject's id from ever being handed out again.
--
-- Events are indexed by (chunk, subject), not (subject, id): chunk is a counter the store advances
-- every 65,536 appended rows, so appends touch only the index pages of the current chunk instead of
-- one page per subject in the batch; reads and erasure of one subject seek once per chunk.
CREATE TABLE subjects (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    pseudonym   TEXT NOT NULL UNIQUE
);
INSERT INTO subjects (pseudonym) SELECT DISTINCT subject FROM events ORDER BY subject;

CREATE TABLE events_v9 (
    id          INTEGER PRIMARY KEY,
    subject     INTEGER NOT NULL,
    chunk       INTEGER NOT NULL,
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
INSERT INTO events_v9 (id, subject, chunk, item, type, value, ts, session, device, daypart, region, payload)
    SELECT e.id, s.id, 0, e.item, e.type, e.value, e.ts, e.session, e.device, e.daypart, e.region, e.payload
    FROM events e JOIN subjects s ON s.pseudonym = e.subject;
DROP TABLE events;
ALTER TABLE events_v9 RENAME TO events;
CREATE INDEX events_subject ON events (chunk, subject);
