-- Responses to requests sent with an Idempotency-Key, replayed for repeats from the same agency.
CREATE TABLE idempotency_record (
    agency_code     text NOT NULL REFERENCES agency (code),
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_hash    text NOT NULL,
    response_status integer,
    response_body   text,
    location        text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (agency_code, idempotency_key)
);
CREATE INDEX idempotency_record_created_at_idx ON idempotency_record (created_at);
