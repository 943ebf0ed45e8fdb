-- Reference numbers (NRM-2026-000123, DTN-2026-000045) count per kind and year.
CREATE TABLE reference_counter (
    prefix     text NOT NULL CHECK (prefix IN ('NRM', 'DTN')),
    year       integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    last_value bigint NOT NULL CHECK (last_value > 0),
    PRIMARY KEY (prefix, year)
);
