-- First Responder Organisations: the only bodies allowed to refer. Data, not code.
CREATE TABLE agency (
    code       text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_]{1,39}$'),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type       text NOT NULL CHECK (type IN ('POLICE', 'LOCAL_AUTHORITY', 'GOVERNMENT_AGENCY', 'NGO')),
    active     boolean NOT NULL DEFAULT true,
    version    bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agency_type_idx ON agency (type);
