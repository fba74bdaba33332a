-- Differential-privacy budget spent per analyst key and data set, in micro-epsilon.
CREATE TABLE dp_budget (
    analyst     TEXT NOT NULL,
    dataset     TEXT NOT NULL,
    spent       INTEGER NOT NULL,
    PRIMARY KEY (analyst, dataset)
);
