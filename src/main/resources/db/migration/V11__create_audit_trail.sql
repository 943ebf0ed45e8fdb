-- The audit trail: one hash chain of events, insert-only. Events hold no personal data; the
-- actor is committed to by a salted digest so that a partner can check a caseworker's event
-- without learning who the caseworker was (see AuditChain for the canonical form).
CREATE TABLE audit_event (
    seq           bigint PRIMARY KEY CHECK (seq >= 1),
    occurred_at   timestamptz NOT NULL,
    action        text NOT NULL,
    referral_id   uuid REFERENCES referral (id),
    agency_code   text,
    actor         text NOT NULL,
    actor_role    text NOT NULL,
    actor_agency  text,
    actor_salt    text NOT NULL,
    actor_digest  text NOT NULL,
    from_status   text,
    to_status     text,
    request_id    text NOT NULL,
    details       jsonb NOT NULL DEFAULT '{}',
    event_digest  text NOT NULL,
    prev_hash     text NOT NULL,
    hash          text NOT NULL UNIQUE
);

CREATE INDEX audit_event_referral_idx ON audit_event (referral_id, seq) WHERE referral_id IS NOT NULL;
CREATE INDEX audit_event_agency_idx ON audit_event (agency_code, seq) WHERE agency_code IS NOT NULL;

-- The head of the chain: one row, locked by every append until its transaction commits, so
-- appends form one gap-free chain in commit order, across any number of service instances.
CREATE TABLE audit_head (
    id   boolean PRIMARY KEY DEFAULT true CHECK (id),
    seq  bigint NOT NULL,
    hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (true, 0, repeat('0', 64));

-- Free-text reasons given with a change. Personal data, so kept out of the event itself (the
-- event holds a salted digest of the reason) and erasable without breaking the chain.
CREATE TABLE audit_event_reason (
    seq    bigint PRIMARY KEY REFERENCES audit_event (seq),
    reason text NOT NULL
);

-- Insert-only, whatever the code does.
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is insert-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_insert_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- The head only ever moves forward, one event at a time.
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.seq <> OLD.seq + 1 THEN
        RAISE EXCEPTION 'audit_head only moves forward by one event'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_head_forward_only
    BEFORE UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
