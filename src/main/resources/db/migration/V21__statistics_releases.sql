-- Statistics releases: the coded facts statistics count (no identity), frozen at a moment, so that
-- every analyst reads the same figures until the next release, and a question asked twice gets the
-- same answer. A release covers the whole months before the month it was cut in.
CREATE TABLE statistics_release (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The moment the facts were read (the audit trail's head at that moment).
    as_of          timestamptz NOT NULL,
    -- The last whole month the release covers (its first day).
    through_month  date NOT NULL CHECK (extract(day FROM through_month) = 1),
    cut_by         text NOT NULL,
    scheduled      boolean NOT NULL DEFAULT false,
    -- The coded facts, deflated (see the statistics package's CodedFacts).
    facts          bytea NOT NULL,
    facts_size     integer NOT NULL CHECK (facts_size > 0)
);
-- The schedule cuts one release per month covered, whichever instance runs it first.
CREATE UNIQUE INDEX statistics_release_scheduled_idx ON statistics_release (through_month)
    WHERE scheduled;

-- The secret each record's fixed random key for the cell-key method is derived from (an HMAC of
-- the record's id), the same for every instance and every release, so that a cell made of the same
-- records always gets the same noise. Not personal data; kept out of every answer.
CREATE TABLE statistics_secret (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    secret  bytea NOT NULL CHECK (length(secret) = 32)
);
-- gen_random_uuid() draws from PostgreSQL's strong random source: 244 random bits in all.
INSERT INTO statistics_secret (secret)
VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
