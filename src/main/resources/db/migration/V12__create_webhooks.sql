-- Webhook subscriptions of partner agencies. The audit trail is the outbox: every event is
-- written in the transaction of its change, in commit order, so a subscription only needs a
-- cursor into it (cursor_seq: the last event already turned into deliveries).
CREATE TABLE webhook_subscription (
    id                          uuid PRIMARY KEY,
    agency_code                 text NOT NULL REFERENCES agency (code),
    url                         text NOT NULL CHECK (length(url) <= 2048),
    events                      text[] NOT NULL CHECK (cardinality(events) >= 1),
    secret                      text NOT NULL,
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    active                      boolean NOT NULL DEFAULT true,
    disabled_reason             text,
    consecutive_failures        integer NOT NULL DEFAULT 0,
    cursor_seq                  bigint NOT NULL,
    created_by                  text NOT NULL,
    created_at                  timestamptz NOT NULL,
    deleted_at                  timestamptz,
    version                     bigint NOT NULL DEFAULT 0,
    CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL))
);
CREATE INDEX webhook_subscription_agency_idx ON webhook_subscription (agency_code) WHERE deleted_at IS NULL;

-- One row per (subscription, event): its state, next attempt and last outcome.
CREATE TABLE webhook_delivery (
    id               uuid PRIMARY KEY,
    subscription_id  uuid NOT NULL REFERENCES webhook_subscription (id),
    event_seq        bigint NOT NULL REFERENCES audit_event (seq),
    referral_id      uuid,
    status           text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    retry_until      timestamptz NOT NULL,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL,
    UNIQUE (subscription_id, event_seq),
    CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_order_idx ON webhook_delivery (subscription_id, referral_id, event_seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_seq);

-- Every attempt, for the partner's delivery log.
CREATE TABLE webhook_attempt (
    delivery_id  uuid NOT NULL REFERENCES webhook_delivery (id),
    attempt      integer NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code  integer,
    error        text,
    duration_ms  integer NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
